using GradFlow.Experiments;
using static GradFlow.Tests.Unit.Experiments.Claims.SyntheticSeeds;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>ClaimRobustness on hand-made study and new seeds: each status reachable.</summary>
public sealed class ClaimRobustnessTests
{
    private static readonly Claim Probe = ClaimOf(
        Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater),
        Paired("c", "b", ClaimTest.Wilcoxon, Expectation.Greater));

    private static ClaimResult On(double[] a, double[] c, int seeds = 10) =>
        ClaimEvaluator.Evaluate(Probe, Of(Values("a", a[..seeds]), Values("b", Ramp(10)[..seeds]), Values("c", c[..seeds])));

    [Fact]
    public void Compare_HoldsOnStudyOnlyAndOnBoth_NotRobustAndRobust()
    {
        var study = On(Rise(10), Rise(10));
        var newSeeds = On(Rise(10), Ramp(10)); // "c" equals "b" on the new seeds: no difference
        var rows = ClaimRobustness.Compare([study], [newSeeds]);
        Assert.Equal([RobustnessStatus.Robust, RobustnessStatus.NotRobust], rows.Select(r => r.Status));
        Assert.Equal(["a vs b", "c vs b"], rows.Select(r => r.Setting));
    }

    [Fact]
    public void Compare_HoldsOnNewOnlyOnNeitherAndTooFewSeeds_EachStatus()
    {
        var rows = ClaimRobustness.Compare([On(Ramp(10), Ramp(10))], [On(Rise(10), Ramp(10))]);
        Assert.Equal([RobustnessStatus.HoldsOnNewSeedsOnly, RobustnessStatus.HoldsOnNeither], rows.Select(r => r.Status));
        var fewSeeds = ClaimRobustness.Compare([On(Rise(10), Rise(10))], [On(Rise(10), Rise(10), seeds: 4)]);
        Assert.All(fewSeeds, r => Assert.Equal(RobustnessStatus.Undecided, r.Status));
    }
}
