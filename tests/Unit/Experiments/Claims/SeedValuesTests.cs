using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>SeedValues read back from a results folder give the claims what the sweep in memory gives them.</summary>
public sealed class SeedValuesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gradflow-claims-").FullName;

    private static readonly AblationSpec Spec = Presets.Paper with
    {
        Name = "unit", Activations = ["relu", "tanh"], Scales = [0.5], Seeds = [0, 1, 2, 3, 4, 5], N = 60, Epochs = 40,
    };

    private static readonly Claim Probe = SyntheticSeeds.ClaimOf(
        new ClaimComparison("relu vs tanh groups", ClaimTest.MannWhitney, Expectation.Greater,
            ClaimReads.Groups(new SettingKey("relu", "xavier", 0.5), new SettingKey("tanh", "xavier", 0.5), "test_acc")),
        new ClaimComparison("relu vs tanh epochs", ClaimTest.Wilcoxon, Expectation.Less,
            ClaimReads.PairedEpochsTo(new SettingKey("relu", "xavier", 0.5), new SettingKey("tanh", "xavier", 0.5), "test_acc", 0.6)));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Dir(string name) => Path.Combine(_root, name);

    private static void AssertSameComparisons(ClaimResult expected, ClaimResult actual)
    {
        Assert.Equal(expected.Verdict, actual.Verdict);
        Assert.Equal(expected.Comparisons.Count, actual.Comparisons.Count);
        for (int i = 0; i < expected.Comparisons.Count; i++)
            Assert.Equal(expected.Comparisons[i], actual.Comparisons[i]);
    }

    [Fact]
    public void Read_FolderOfASweep_GivesTheSameComparisonsAsTheSweepInMemory()
    {
        var outcome = SweepRunner.Run(Spec, Dir("a"), new SweepOptions(Threads: 1));
        var memory = ClaimEvaluator.Evaluate(Probe, SeedValues.Of(outcome));
        var disk = ClaimEvaluator.Evaluate(Probe, SeedValues.Read(Dir("a")));
        Assert.Equal(2, memory.Comparisons.Count);
        AssertSameComparisons(memory, disk);
    }

    [Fact]
    public void Read_MergedShardFolder_GivesTheSameComparisonsAsOneMachine()
    {
        var whole = SweepRunner.Run(Spec, Dir("whole"), new SweepOptions(Threads: 1));
        SweepRunner.Run(Spec, Dir("s1"), new SweepOptions(Threads: 1, Shard: new Shard(1, 2)));
        SweepRunner.Run(Spec, Dir("s2"), new SweepOptions(Threads: 1, Shard: new Shard(2, 2)));
        SweepRunner.Merge(Dir("merged"), [Dir("s1"), Dir("s2")]);
        AssertSameComparisons(ClaimEvaluator.Evaluate(Probe, SeedValues.Of(whole)), ClaimEvaluator.Evaluate(Probe, SeedValues.Read(Dir("merged"))));
    }

    [Fact]
    public void Read_ShardFolder_IsRefusedNamingTheShard()
    {
        SweepRunner.Run(Spec, Dir("s1"), new SweepOptions(Threads: 1, Shard: new Shard(1, 2)));
        var e = Assert.Throws<InvalidDataException>(() => SeedValues.Read(Dir("s1")));
        Assert.Contains("shard 1/2", e.Message);
    }

    [Fact]
    public void Read_FolderWithoutManifest_IsRefused()
    {
        Directory.CreateDirectory(Dir("empty"));
        var e = Assert.Throws<InvalidDataException>(() => SeedValues.Read(Dir("empty")));
        Assert.Contains("manifest.json", e.Message);
    }

    [Fact]
    public void Read_FolderMissingARunFile_IsRefusedNamingIt()
    {
        var outcome = SweepRunner.Run(Spec, Dir("a"), new SweepOptions(Threads: 1));
        File.Delete(outcome.Store.RunPath(Spec.Runs()[3]));
        var e = Assert.Throws<InvalidDataException>(() => SeedValues.Read(Dir("a")));
        Assert.Contains(Spec.Runs()[3].Stem, e.Message);
    }
}
