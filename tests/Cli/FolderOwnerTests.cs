using GradFlow.Experiments;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>One owner per results folder: two runs started together into one --out never mix.</summary>
public sealed class FolderOwnerTests : TempFolder
{
    [Fact]
    public async Task Run_TwoSpecsStartedTogether_OneRunsTheOtherIsRefusedAndTheFolderHoldsOneSpec()
    {
        string[] Args(string lr) => ["run", "--preset", "smoke", "--epochs", "300", "--n", "100", "--seeds", "0-3", "--lr", lr, "--out", Path("shared")];
        using var start = new Barrier(2);
        var a = Task.Run(() => { start.SignalAndWait(); return Run(Args("0.05")); });
        var b = Task.Run(() => { start.SignalAndWait(); return Run(Args("0.06")); });
        var results = await Task.WhenAll(a, b);

        var winner = Assert.Single(results, r => r.Exit == 0);
        var loser = Assert.Single(results, r => r.Exit == 2);
        Assert.True(loser.Err.Contains("is in use by gradflow process", StringComparison.Ordinal) || loser.Err.Contains("different spec", StringComparison.Ordinal), loser.ToString());
        // Every run file and final.csv belong to the winner's spec.
        var spec = new ResultStore(Path("shared")).ReadManifest()!.Spec;
        Assert.Equal(results[0] == winner ? 0.05 : 0.06, spec.LearningRate);
        Assert.All(File.ReadAllLines(Path("shared", "final.csv")).Skip(1), l => Assert.Contains("," + spec.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", l));
    }

    [Fact]
    public void Run_FolderInUse_ExitsTwoNamingTheFolderAndTheOwner()
    {
        using var held = FolderLock.Acquire(Path("busy"));

        var result = Run("run", "--preset", "smoke", "--epochs", "3", "--n", "20", "--out", Path("busy"));

        AssertBadInput(result, "is in use by gradflow process", Path("busy", "manifest.json"), Path("busy", "runs"));
        Assert.Contains(Path("busy"), result.Err);
    }
}
