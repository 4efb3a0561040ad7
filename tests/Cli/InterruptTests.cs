using System.Diagnostics;
using GradFlow.Cli;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>
/// Ctrl+C: the first one says at once what it waits for, stops within about an epoch or a parameter,
/// keeps what is finished and exits 130. The process tests send a real SIGINT to the gradflow process.
/// </summary>
public sealed class InterruptTests : TempFolder
{
    /// <summary>Starts gradflow, sends SIGINT once a stdout line starts with <paramref name="ready"/>, and returns what it printed.</summary>
    private static CliResult Interrupt(string ready, params string[] args)
    {
        var start = new ProcessStartInfo(ChildProcess.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(ChildProcess.Gradflow);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start gradflow");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            stdout.Append(line).Append('\n');
            if (line.StartsWith(ready, StringComparison.Ordinal)) break;
        }
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill!.WaitForExit();
        var rest = process.StandardOutput.ReadToEndAsync();
        // A guard against a hang, not a timing assertion: without the fix these commands run for many minutes.
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("gradflow did not stop within 90 s of Ctrl+C\n" + stdout);
        }
        return new CliResult(process.ExitCode, stdout + rest.Result, stderr.Result);
    }

    [Fact]
    public void Run_FirstCtrlC_SaysWhatItWaitsForStopsTheRunsAndExits130()
    {
        var result = Interrupt("smoke:", "run", "--preset", "smoke", "--epochs", "50000000", "--log-every", "100000", "--out", Path("long"));

        Assert.True(result.Exit == ExitCodes.Interrupted, result.ToString());
        Assert.Contains("gradflow: Ctrl+C: stopping, waiting for the runs in progress to stop at their next epoch", result.Err);
        Assert.Contains("interrupted; finished runs are on disk", result.Err);
        Assert.False(File.Exists(Path("long", "final.csv")));
    }

    [Fact]
    public void Gradcheck_FirstCtrlC_StopsTheCheckAndExits130()
    {
        var result = Interrupt("relu: checking", "gradcheck", "--arch", "2,400,400,1", "--n", "64");

        Assert.True(result.Exit == ExitCodes.Interrupted, result.ToString());
        Assert.Contains("gradflow: Ctrl+C: stopping, waiting for the gradient check of relu", result.Err);
        Assert.Contains("gradflow: gradcheck interrupted after ", result.Err);
    }

    [Fact]
    public void Run_CancelledBeforeAnyRunFinishes_ExitsOneThirtyWithoutAggregates()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var result = Run(cancel.Token, "run", "--preset", "smoke", "--epochs", "5", "--n", "20", "--out", Path("cancelled"));

        Assert.True(result.Exit == ExitCodes.Interrupted, result.ToString());
        Assert.False(File.Exists(Path("cancelled", "final.csv")));
    }

    [Fact]
    public void Run_LongRunsAndRedirectedOutput_PrintAHeartbeatBetweenFinishedRuns()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, new StringWriter(), Interactive: false) { Heartbeat = TimeSpan.FromMilliseconds(5) };

        int exit = Program.Run(["run", "--preset", "smoke", "--activations", "tanh", "--epochs", "20000", "--out", Path("beat")], context);

        Assert.True(exit == 0, stdout.ToString());
        Assert.Contains("runs 0/1 done, the next still running, elapsed ", stdout.ToString());
    }
}
