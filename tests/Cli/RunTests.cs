using GradFlow.Experiments;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>gradflow run</c> and <c>merge</c>: the result files, dry runs, shards.</summary>
public sealed class RunTests : TempFolder
{
    private static readonly string[] Small = ["--preset", "smoke", "--epochs", "4", "--n", "40"];

    [Fact]
    public void Run_SmokePreset_WritesRunsSummaryFinalAndManifest()
    {
        var result = Run(["run", .. Small, "--out", Path("smoke")]);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.True(File.Exists(Path("smoke", "runs", "relu_xavier_s1_seed0.csv")));
        Assert.True(File.Exists(Path("smoke", "runs", "tanh_xavier_s1_seed0.csv")));
        Assert.True(File.Exists(Path("smoke", "summary", "relu_xavier_s1.csv")));
        Assert.True(File.Exists(Path("smoke", "summary", "tanh_xavier_s1.csv")));
        Assert.True(File.Exists(Path("smoke", "manifest.json")));
        var final = File.ReadAllLines(Path("smoke", "final.csv"));
        Assert.Equal(3, final.Length);
        Assert.StartsWith("activation,init,init_scale,n_seeds,epochs,lr,noise,test_size,", final[0]);
        Assert.StartsWith("relu,xavier,1,1,4,0.05,0.1,0.25,", final[1]);
        Assert.Contains("runs 2/2 (100%)", result.Out);
        Assert.Empty(result.Err);
    }

    [Fact]
    public void Run_Options_OverrideThePresetInTheManifest()
    {
        var result = Run("run", "--preset", "paper", "--activations", "TANH", "--inits", "he", "--scales", "0.5", "--seeds", "3,5",
            "--epochs", "3", "--arch", "2,4,1", "--lr", "0.1", "--n", "20", "--noise", "0.2", "--test-size", "0.5", "--relabel-after-noise",
            "--deriv-eps", "0.01", "--z-linear-eps", "0.2", "--log-every", "2", "--threads", "1", "--out", Path("custom"));

        Assert.True(result.Exit == 0, result.ToString());
        var spec = new ResultStore(Path("custom")).ReadManifest()!.Spec;
        Assert.Equal(Presets.Paper with
        {
            Activations = ["tanh"], Inits = ["he"], Scales = [0.5], Seeds = [3, 5], Epochs = 3, Arch = [2, 4, 1], LearningRate = 0.1, N = 20,
            Noise = 0.2, TestSize = 0.5, RelabelAfterNoise = true, DerivEps = 0.01, ZLinearEps = 0.2, LogEvery = 2,
        }, spec, SpecComparer.Instance);
        Assert.True(File.Exists(Path("custom", "runs", "tanh_he_s0p5_seed5.csv")));
    }

    [Fact]
    public void Run_DryRun_ListsEveryRunAndWritesNothing()
    {
        var result = Run(["run", .. Small, "--out", Path("dry"), "--dry-run"]);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("relu_xavier_s1_seed0", result.OutLines);
        Assert.Contains("tanh_xavier_s1_seed0", result.OutLines);
        Assert.False(Directory.Exists(Path("dry")));
    }

    [Fact]
    public void Run_DryRunWithShard_ListsOnlyTheRunsThatShardOwns()
    {
        var spec = Presets.Paper with { Seeds = [0, 1] };
        var all = spec.Runs().Select(r => r.Stem).ToArray();

        var result = Run("run", "--preset", "paper", "--seeds", "0-1", "--shard", "2/3", "--dry-run", "--out", Path("dry"));

        Assert.True(result.Exit == 0, result.ToString());
        var listed = result.OutLines.Where(l => all.Contains(l)).ToArray();
        Assert.Equal(all.Where((_, i) => i % 3 == 1), listed);
        Assert.Contains("shard 2/3 owns 8 of 24 runs", result.Out);
        Assert.False(Directory.Exists(Path("dry")));
    }

    [Fact]
    public void Run_NoOptions_TargetsTheSeedPresetInResultsSeed()
    {
        var result = Run("run", "--dry-run");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.StartsWith("seed: ", result.OutLines[0]);
        Assert.Contains(System.IO.Path.GetFullPath(System.IO.Path.Combine("results", "seed")), result.Out);
        Assert.Equal(Presets.Seed.Runs().Select(r => r.Stem), result.OutLines.Skip(2));
    }

    [Fact]
    public void Run_ShardsThenMerge_GiveTheFilesOfAWholeRun()
    {
        string[] spec = ["--preset", "smoke", "--activations", "relu,tanh,arctan", "--epochs", "4", "--n", "40"];
        Assert.Equal(0, Run(["run", .. spec, "--out", Path("whole")]).Exit);
        Assert.Equal(0, Run(["run", .. spec, "--shard", "1/2", "--out", Path("s1")]).Exit);
        Assert.Equal(0, Run(["run", .. spec, "--shard", "2/2", "--out", Path("s2")]).Exit);
        Assert.False(File.Exists(Path("s1", "final.csv")));

        var merge = Run("merge", "--out", Path("merged"), Path("s1"), Path("s2"));

        Assert.True(merge.Exit == 0, merge.ToString());
        foreach (var file in Directory.EnumerateFiles(Path("whole"), "*.csv", SearchOption.AllDirectories))
        {
            string relative = System.IO.Path.GetRelativePath(Path("whole"), file);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path("merged", relative)));
        }
    }

    [Fact]
    public void Run_Help_DescribesEveryOptionOfTheContract()
    {
        var result = Run("run", "--help");

        Assert.Equal(0, result.Exit);
        foreach (var option in new[] { "--preset", "--activations", "--inits", "--scales", "--seeds", "--epochs", "--arch", "--lr", "--n", "--noise",
                     "--test-size", "--relabel-after-noise", "--deriv-eps", "--z-linear-eps", "--threads", "--shard", "--out", "--log-every", "--dry-run" })
            Assert.Contains(option + " ", result.Out);
        Assert.Contains("Usage:\n  gradflow run [options]", result.Out.ReplaceLineEndings("\n"));
    }

    /// <summary>Specs compare their lists by content (records compare list references).</summary>
    private sealed class SpecComparer : IEqualityComparer<AblationSpec>
    {
        public static SpecComparer Instance { get; } = new();

        public bool Equals(AblationSpec? a, AblationSpec? b) => ResultStore.Differences(a!, b!).Count == 0;

        public int GetHashCode(AblationSpec obj) => 0;
    }
}
