using System.Diagnostics;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>
/// scripts/slurm-sweep.sh run locally with the array variables set by hand: which shard each task
/// runs, what is submitted, and (with the real gradflow) that its shards merge into the files of a
/// single-machine run.
/// </summary>
public sealed class SlurmScriptTests : TempFolder
{
    private static readonly string Script = System.IO.Path.Combine(RepositoryRoot(), "scripts", "slurm-sweep.sh");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GradFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (GradFlow.sln) is not above " + AppContext.BaseDirectory);
    }

    private CliResult Bash(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root };
        start.ArgumentList.Add(Script);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var name in new[] { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT", "SLURM_CPUS_PER_TASK" }) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>A stand-in for a command that records the arguments it was called with, one per line; called as "bash path".</summary>
    private string Fake(string name, string extra = "")
    {
        string path = Path(name);
        File.WriteAllText(path, $"#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"{Path(name + ".args")}.$RANDOM$RANDOM\"\n{extra}");
        return "bash " + path;
    }

    private string[][] Calls(string name) =>
        Directory.GetFiles(Root, name + ".args.*").Select(f => File.ReadAllLines(f)).OrderBy(a => string.Join(" ", a), StringComparer.Ordinal).ToArray();

    [Fact]
    public void Task_EachArrayIndex_RunsItsOwnShardIntoItsOwnFolder()
    {
        string gradflow = Fake("gradflow");
        for (int id = 1; id <= 4; id++)
        {
            var result = Bash(new Dictionary<string, string> { ["GRADFLOW"] = gradflow, ["SLURM_ARRAY_TASK_ID"] = $"{id}", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "4" },
                "task", "paper", "4", "out", "--seeds", "0-19");
            Assert.True(result.Exit == 0, result.ToString());
        }

        var calls = Calls("gradflow");
        Assert.Equal(4, calls.Length);
        for (int i = 1; i <= 4; i++)
            Assert.Equal(["run", "--preset", "paper", "--seeds", "0-19", "--threads", "0", "--shard", $"{i}/4", "--out", $"out/shards/shard-{i}"], calls[i - 1]);
    }

    [Fact]
    public void Task_ArrayNotStartingAtOne_CountsFromItsFirstIndex()
    {
        string gradflow = Fake("gradflow");

        var result = Bash(new Dictionary<string, string> { ["GRADFLOW"] = gradflow, ["SLURM_ARRAY_TASK_ID"] = "7", ["SLURM_ARRAY_TASK_MIN"] = "5", ["SLURM_CPUS_PER_TASK"] = "8" },
            "task", "seed", "4", "o");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(["run", "--preset", "seed", "--threads", "8", "--shard", "3/4", "--out", "o/shards/shard-3"], Assert.Single(Calls("gradflow")));
    }

    [Theory]
    [InlineData("5", "1", "4", "outside 1..4")]
    [InlineData("2", "1", "3", "the array has 3 tasks but the sweep 4 shards")]
    public void Task_IndexOrCountNotMatchingTheShards_IsRefused(string id, string min, string count, string message)
    {
        string gradflow = Fake("gradflow");

        var result = Bash(new Dictionary<string, string> { ["GRADFLOW"] = gradflow, ["SLURM_ARRAY_TASK_ID"] = id, ["SLURM_ARRAY_TASK_MIN"] = min, ["SLURM_ARRAY_TASK_COUNT"] = count },
            "task", "paper", "4", "out");

        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Err);
        Assert.Empty(Calls("gradflow"));
    }

    [Fact]
    public void Submit_SubmitsTheArrayThenAMergeAfterEveryShardSucceeds()
    {
        string sbatch = Fake("sbatch", "echo 4242\n");

        var result = Bash(new Dictionary<string, string> { ["SBATCH"] = sbatch, ["SBATCH_OPTIONS"] = "--partition=cpu" }, "submit", "paper", "8", "res", "--epochs", "100");

        Assert.True(result.Exit == 0, result.ToString());
        var calls = Calls("sbatch");
        Assert.Equal(2, calls.Length);
        var array = calls.Single(c => c.Any(a => a.StartsWith("--array=", StringComparison.Ordinal)));
        var merge = calls.Single(c => c.Any(a => a.StartsWith("--dependency=", StringComparison.Ordinal)));
        Assert.Equal(["--parsable", "--partition=cpu", "--job-name=gradflow-paper", "--array=1-8", "--output=res/logs/shard-%a.out", Script, "task", "paper", "8", "res", "--epochs", "100"], array);
        Assert.Equal(["--parsable", "--partition=cpu", "--job-name=gradflow-paper-merge", "--dependency=afterok:4242", "--output=res/logs/merge.out", Script, "merge", "paper", "8", "res"], merge);
        Assert.Contains("submitted array job 4242", result.Out);
    }

    [Fact]
    public void Shards_WithTheRealGradflow_MergeIntoTheFilesOfOneMachine()
    {
        var env = new Dictionary<string, string> { ["GRADFLOW"] = $"{ChildProcess.DotnetHost()} exec {ChildProcess.Gradflow}", ["CI"] = "true" };
        string[] spec = ["--activations", "relu,tanh", "--seeds", "0-2", "--epochs", "3", "--n", "40"];
        for (int id = 1; id <= 3; id++)
        {
            var task = Bash(new Dictionary<string, string>(env) { ["SLURM_ARRAY_TASK_ID"] = $"{id}", ["SLURM_ARRAY_TASK_COUNT"] = "3" }, ["task", "smoke", "3", Path("cluster"), .. spec]);
            Assert.True(task.Exit == 0, task.ToString());
        }
        var merged = Bash(env, "merge", "smoke", "3", Path("cluster"));
        Assert.True(merged.Exit == 0, merged.ToString());
        var single = Run(["run", "--preset", "smoke", .. spec, "--out", Path("single")]);
        Assert.True(single.Exit == 0, single.ToString());

        foreach (var file in new[] { "final.csv", "stats.csv", System.IO.Path.Combine("runs", "tanh_xavier_s1_seed2.csv"), System.IO.Path.Combine("summary", "relu_xavier_s1.csv") })
            Assert.Equal(File.ReadAllBytes(Path("single", file)), File.ReadAllBytes(Path("cluster", file)));
    }
}
