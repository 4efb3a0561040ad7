using GradFlow.Experiments;
using GradFlow.Metrics;
using static GradFlow.Tests.Unit.Experiments.Claims.SyntheticSeeds;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>ClaimReads: which seeds each way of reading keeps, and what it reads of them.</summary>
public sealed class ClaimReadsTests
{
    /// <summary>A run of setting <paramref name="activation"/> whose metric "m" follows <paramref name="curve"/> at epochs 0, 10, 20, ….</summary>
    private static RunResult Curve(string activation, ulong seed, double[] curve, int? divergedAt = null)
    {
        var log = new RunLog(["m"], curve.Length);
        for (int i = 0; i < curve.Length; i++) log.Append(10 * i)[0] = curve[i];
        return new RunResult(Setting(activation).WithSeed(seed), log, divergedAt);
    }

    [Fact]
    public void PairedEpochsTo_NeverReached_CountsAsTheBudgetAndDivergedRunsStay()
    {
        var input = Of(
            [Curve("a", 0, [0.1, 0.9, 0.95]), Curve("a", 1, [0.1, 0.2, 0.3]), Curve("a", 2, [0.1, 0.86, double.NaN], divergedAt: 20)],
            [Curve("b", 0, [0.9, 0.9, 0.9]), Curve("b", 1, [0.1, 0.1, 0.85]), Curve("b", 2, [0.1, 0.1, 0.1])]);
        var s = ClaimReads.PairedEpochsTo(Setting("a"), Setting("b"), "m", 0.85)(input)!;
        Assert.Equal([10.0, Spec.Epochs, 10.0], s.First);
        Assert.Equal([0.0, 20.0, Spec.Epochs], s.Second);
    }

    [Fact]
    public void PairedFinals_SeedsOfBothOnly_InSeedOrder_SkippingPairsWithADivergedRun()
    {
        var input = Of(
            [Run("a", 2, 0.3), Run("a", 0, 0.1), Run("a", 1, double.NaN, divergedAt: 5), Run("a", 7, 0.7)],
            [Run("b", 0, 1.0), Run("b", 1, 1.1), Run("b", 2, 1.2)]);
        var s = ClaimReads.PairedFinals(Setting("a"), Setting("b"), "m")(input)!;
        Assert.Equal([0.1, 0.3], s.First);
        Assert.Equal([1.0, 1.2], s.Second);
    }

    [Fact]
    public void Groups_EverySeedOfEachSettingThatDidNotDiverge()
    {
        var input = Of([Run("a", 0, 0.1), Run("a", 1, 0.2, divergedAt: 3)], [Run("b", 4, 1.0), Run("b", 5, 1.1), Run("b", 6, 1.2)]);
        var s = ClaimReads.Groups(Setting("a"), Setting("b"), "m")(input)!;
        Assert.Equal([0.1], s.First);
        Assert.Equal([1.0, 1.1, 1.2], s.Second);
    }

    [Fact]
    public void EachPair_OneValuePerSharedSeedFromBothRuns()
    {
        var input = Of(Values("a", 2.0, 6.0, 9.0), Values("b", 4.0, 3.0));
        var s = ClaimReads.EachPair(Setting("a"), Setting("b"), "m", (a, b) => a.Final("m") / b.Final("m"), "a / b")(input)!;
        Assert.Equal([0.5, 2.0], s.First);
        Assert.Empty(s.Second);
    }

    [Fact]
    public void Reads_MissingSettingOrMetric_AreNull()
    {
        var input = Of(Values("a", 1.0));
        Assert.Null(ClaimReads.Groups(Setting("a"), Setting("zz"), "m")(input));
        Assert.Null(ClaimReads.Each(Setting("a"), "no_such_metric", r => r.Final("m"), "m")(input));
    }

    [Fact]
    public void PairedEpochsTo_Names_EachSettingAndTheThresholdToFourDigits()
    {
        var input = Of([Curve("a", 0, [0.1, 0.9])], [Curve("b", 0, [0.9, 0.9])]);
        var s = ClaimReads.PairedEpochsTo(Setting("a"), Setting("b"), "m", 0.123456)(input)!;
        Assert.Equal("a (xavier, scale 1) epoch to m 0.1235", s.FirstName);
        Assert.Equal("b (xavier, scale 1) epoch to m 0.1235", s.SecondName);
    }

    [Fact]
    public void Each_Names_TheSettingAndWhatAndNoSecond()
    {
        var s = ClaimReads.Each(Setting("a"), "m", r => r.Final("m"), "final m")(Of(Values("a", 1.0)))!;
        Assert.Equal("a (xavier, scale 1) final m", s.FirstName);
        Assert.Empty(s.Second);
        Assert.Equal("", s.SecondName);
    }

    [Fact]
    public void EachPair_SkipsASeedWhereEitherRunDivergedAndNamesWhat()
    {
        var input = Of(
            [Run("a", 0, 2.0), Run("a", 1, double.NaN, divergedAt: 3), Run("a", 2, 9.0)],
            [Run("b", 0, 4.0), Run("b", 1, 3.0), Run("b", 2, double.NaN, divergedAt: 2)]);
        var s = ClaimReads.EachPair(Setting("a"), Setting("b"), "m", (a, b) => a.Final("m") / b.Final("m"), "a / b")(input)!;
        Assert.Equal([0.5], s.First);
        Assert.Equal("a / b", s.FirstName);
        Assert.Equal("", s.SecondName);
    }
}
