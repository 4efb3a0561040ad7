using GradFlow.Cli;
using GradFlow.Experiments;
using GradFlow.Metrics;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>gradflow claims</c>: the table, claims.csv, --require, merged shards and bad input.</summary>
public sealed class ClaimsTests : TempFolder
{
    private static readonly string[] Small = ["--preset", "smoke", "--epochs", "4", "--n", "40"];

    /// <summary>
    /// A hand-written folder of the paper configuration at scale 0.5 (relu, tanh, arctan; ten seeds) holding only
    /// final test accuracies, relu's below the others': claim 3 applies there and does not hold.
    /// </summary>
    private string ReluBehindFolder(string name = "behind", double relu = 0.60)
    {
        var spec = Presets.Paper with { Activations = ["relu", "tanh", "arctan"], Scales = [0.5] };
        var store = new ResultStore(Path(name));
        foreach (var key in spec.Runs())
        {
            var log = new RunLog(["test_acc"], 1);
            log.Append(spec.Epochs - 1)[0] = (key.Activation == "relu" ? relu : 0.90) + (double)key.Seed / 1000.0;
            store.WriteRun(new RunResult(key, log, null));
        }
        store.WriteManifest(new Manifest { Spec = spec, Runs = spec.Runs().Count });
        return store.Root;
    }

    [Fact]
    public void Claims_FolderWhereClaimThreeFails_PrintsTheTableAndWritesClaimsCsv()
    {
        string dir = ReluBehindFolder();
        var result = Run("claims", "--results", dir);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("claim", result.OutLines[0]);
        Assert.Contains("adjusted p", result.OutLines[0]);
        Assert.Contains(result.OutLines, l => l.Contains("scale 0.5: relu vs tanh") && l.Contains("does not hold"));
        Assert.Contains("claim 3 does not hold", result.Out);
        var csv = File.ReadAllLines(System.IO.Path.Combine(dir, "claims.csv"));
        Assert.Equal("claim,setting,test,n1,n2,p,p_holm,effect_size,effect,ci_low,ci_high,verdict,claim_verdict", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("3,scale 0.5: relu vs arctan,mann_whitney,10,10,", StringComparison.Ordinal) && l.EndsWith(",does_not_hold,does_not_hold", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("9,", StringComparison.Ordinal) && l.EndsWith("not_applicable,not_applicable", StringComparison.Ordinal));
        Assert.Empty(result.Err);
    }

    [Fact]
    public void Claims_RequireWhereAnApplicableClaimFails_ExitsOne()
    {
        var result = Run("claims", "--results", ReluBehindFolder(), "--require");
        Assert.True(result.Exit == ExitCodes.CheckFailed, result.ToString());
    }

    [Fact]
    public void Claims_RunFolderWhereNoClaimApplies_RunWroteClaimsCsvAndRequireExitsZero()
    {
        var run = Run(["run", .. Small, "--out", Path("smoke")]);
        Assert.Equal(0, run.Exit);
        // run writes claims.csv too, named in its summary line of the folder's own files
        Assert.Contains(run.OutLines, l => l.StartsWith($"wrote {Path("smoke")}: claims.csv, ", StringComparison.Ordinal));
        Assert.True(File.Exists(Path("smoke", "claims.csv")));
        var result = Run("claims", "--results", Path("smoke"), "--require");
        Assert.True(result.Exit == 0, result.ToString());
        for (int id = 1; id <= 9; id++) Assert.Contains($"claim {id} not applicable", result.Out);
    }

    [Fact]
    public void Claims_MergedShardFolder_DecideAsTheWholeFolderAndShardIsRefused()
    {
        string[] spec = ["--preset", "smoke", "--activations", "relu,tanh,arctan", "--epochs", "4", "--n", "40", "--seeds", "0-3"];
        Assert.Equal(0, Run(["run", .. spec, "--out", Path("whole")]).Exit);
        Assert.Equal(0, Run(["run", .. spec, "--shard", "1/2", "--out", Path("s1")]).Exit);
        Assert.Equal(0, Run(["run", .. spec, "--shard", "2/2", "--out", Path("s2")]).Exit);
        Assert.Equal(0, Run("merge", "--out", Path("merged"), Path("s1"), Path("s2")).Exit);

        var whole = Run("claims", "--results", Path("whole"));
        var merged = Run("claims", "--results", Path("merged"));
        Assert.True(merged.Exit == 0, merged.ToString());
        Assert.Equal(File.ReadAllBytes(Path("whole", "claims.csv")), File.ReadAllBytes(Path("merged", "claims.csv")));
        Assert.Equal(whole.OutLines[..^1], merged.OutLines[..^1]); // all but the "wrote <path>" line

        File.Delete(Path("s1", "claims.csv"));
        AssertBadInput(Run("claims", "--results", Path("s1")), "shard 1/2", Path("s1", "claims.csv"));
    }

    [Fact]
    public void Claims_StudyFolderWhereTheClaimHeld_NamesItNotRobustToNewSeeds()
    {
        string ahead = ReluBehindFolder("ahead", relu: 0.99);
        var result = Run("claims", "--results", ReluBehindFolder(), "--study", ahead);
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("not robust to new seeds: claim 3, scale 0.5: relu vs tanh: holds on the study's seeds, does not hold here", result.Out);
        Assert.Contains("0 of 2 comparisons hold on both seed sets; 2 hold on the study's seeds only", result.Out);
    }

    [Fact]
    public void Claims_MissingStudyFolder_IsOneLineAndExitTwo()
    {
        string dir = ReluBehindFolder();
        AssertBadInput(Run("claims", "--results", dir, "--study", Path("nowhere")), "--study", System.IO.Path.Combine(dir, "claims.csv"));
    }

    [Fact]
    public void Claims_MissingFolder_IsOneLineAndExitTwo() =>
        AssertBadInput(Run("claims", "--results", Path("nowhere")), "--results", Path("nowhere"));

    [Fact]
    public void Claims_FolderWithoutManifest_IsOneLineAndExitTwo()
    {
        Directory.CreateDirectory(Path("plain"));
        AssertBadInput(Run("claims", "--results", Path("plain")), "manifest.json", Path("plain", "claims.csv"));
    }

    [Fact]
    public void Claims_UnfinishedFolder_IsOneLineAndExitTwoNamingTheMissingRun()
    {
        Assert.Equal(0, Run(["run", .. Small, "--out", Path("smoke")]).Exit);
        File.Delete(Path("smoke", "runs", "tanh_xavier_s1_seed0.csv"));
        File.Delete(Path("smoke", "claims.csv"));
        AssertBadInput(Run("claims", "--results", Path("smoke")), "tanh_xavier_s1_seed0", Path("smoke", "claims.csv"));
    }

    [Fact]
    public void Claims_NoResultsOption_IsOneLineAndExitTwo() => AssertBadInput(Run("claims"), "--results");
}
