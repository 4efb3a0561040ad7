using GradFlow.Experiments;
using static GradFlow.Tests.Unit.Experiments.Claims.SyntheticSeeds;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>ClaimEvaluator's reasons in words, the raw tests' samples sizes and effects, and its boundaries.</summary>
public sealed class ClaimEvaluatorReasonTests
{
    [Fact]
    public void Reason_HoldsOneAndMany_CountsTheComparisons()
    {
        var one = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater)), Of(Values("a", Rise(10)), Values("b", Ramp(10))));
        Assert.Equal("all 1 comparison at α = 0.05 after Holm's adjustment", one.Reason);
        var two = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater), Paired("a", "c", ClaimTest.Sign, Expectation.Greater)),
            Of(Values("a", Rise(10)), Values("b", Ramp(10)), Values("c", Ramp(10))));
        Assert.Equal("all 2 comparisons at α = 0.05 after Holm's adjustment", two.Reason);
    }

    [Fact]
    public void Reason_DoesNotHold_NamesEachComparisonAgainst()
    {
        var claim = ClaimOf(Paired("a", "b", ClaimTest.Sign, Expectation.Greater), Paired("b", "a", ClaimTest.Sign, Expectation.Less), Paired("c", "b", ClaimTest.Sign, Expectation.Greater));
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", Ramp(10)), Values("b", Rise(10)), Values("c", Ramp(10, 5.0))));
        Assert.Equal([ClaimVerdict.DoesNotHold, ClaimVerdict.DoesNotHold, ClaimVerdict.Holds], result.Comparisons.Select(c => c.Verdict));
        Assert.Equal("does not hold for a vs b; b vs a", result.Reason);
    }

    [Fact]
    public void Reason_Inconclusive_NamesTheFewestSeedsOfAnyComparison()
    {
        // Against a threshold there is no second sample (n2 = 0): the seeds are n1's. Five and four seeds, one comparison each.
        var claim = ClaimOf(Against("a", 0.5, Expectation.Greater), Paired("c", "b", ClaimTest.Wilcoxon, Expectation.Greater));
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", Ramp(5)), Values("b", Ramp(4)), Values("c", Rise(4))));
        Assert.Equal((5, 0), (result.Comparisons[0].N1, result.Comparisons[0].N2));
        Assert.Equal((4, 4), (result.Comparisons[1].N1, result.Comparisons[1].N2));
        Assert.Equal("too few seeds (4) for 2 Holm-adjusted comparisons to reach α = 0.05", result.Reason);
        var single = ClaimEvaluator.Evaluate(ClaimOf(Against("a", 0.5, Expectation.Greater)), Of(Values("a", Ramp(5))));
        Assert.Equal("too few seeds (5) for 1 Holm-adjusted comparison to reach α = 0.05", single.Reason);
    }

    [Fact]
    public void Reason_NotApplicable_NamesTheConfigurationOrTheMissingComparison()
    {
        var elsewhere = ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater)) with { Configuration = _ => false, AppliesTo = "the moon" };
        Assert.Equal("the folder was not run with the moon", ClaimEvaluator.Evaluate(elsewhere, Of(Values("a", Ramp(3)))).Reason);
        var missing = ClaimOf(Paired("a", "a", ClaimTest.Sign, Expectation.Greater), Paired("a", "zz", ClaimTest.Sign, Expectation.Greater));
        var result = ClaimEvaluator.Evaluate(missing, Of(Values("a", Ramp(3))));
        Assert.Equal("the folder lacks a setting or metric of 'a vs zz'", result.Reason);
        Assert.Empty(result.Comparisons);
    }

    [Fact]
    public void Evaluate_AllClaims_OnePerDeclaredClaimInOrder()
    {
        var results = ClaimEvaluator.Evaluate(Of(Values("a", Ramp(3))));
        Assert.Equal(StudyClaims.All, results.Select(r => r.Claim));
    }

    [Fact]
    public void Evaluate_LessAgainstThreshold_HoldsOnlyWithTheIntervalBelowIt()
    {
        var below = ClaimEvaluator.Evaluate(ClaimOf(Against("a", 2.5, Expectation.Less)), Of(Values("a", Ramp(10))));
        Assert.Equal(ClaimVerdict.Holds, below.Verdict);
        Assert.True(below.Comparisons[0].Interval!.High < 2.5);
        // 19 seeds just below 1.5 and one far above: the ranks say "below", the mean does not.
        double[] values = [.. Enumerable.Range(1, 19).Select(k => 1.5 - k / 1000.0), 1.5 + 1000.0];
        var reaching = ClaimEvaluator.Evaluate(ClaimOf(Against("a", 1.5, Expectation.Less)), Of(Values("a", values)));
        Assert.True(reaching.Comparisons[0].AdjustedP < 0.05 && reaching.Comparisons[0].Effect < 0);
        Assert.Equal(ClaimVerdict.DoesNotHold, reaching.Verdict);
    }

    [Fact]
    public void Evaluate_LessPaired_HoldsWhenEverySeedIsBelow()
    {
        var result = ClaimEvaluator.Evaluate(ClaimOf(Paired("b", "a", ClaimTest.Wilcoxon, Expectation.Less)), Of(Values("a", Rise(10)), Values("b", Ramp(10))));
        Assert.Equal(ClaimVerdict.Holds, result.Verdict);
        Assert.Equal(-1.0, result.Comparisons[0].Effect);
        // The other way round it is significant in the opposite direction.
        var wrong = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Less)), Of(Values("a", Rise(10)), Values("b", Ramp(10))));
        Assert.Equal(ClaimVerdict.DoesNotHold, wrong.Verdict);
    }

    [Fact]
    public void Evaluate_AlikeWithoutMargin_HoldsOnNoSignificantDifferenceAlone()
    {
        double[] a = Ramp(10), far = [.. a.Select((v, i) => v + (i % 2 == 0 ? 0.5 : -0.45))];
        var result = ClaimEvaluator.Evaluate(ClaimOf(Groups("a", "b", Expectation.Alike)), Of(Values("a", a), Values("b", far)));
        Assert.True(result.Comparisons[0].AdjustedP >= 0.05);
        Assert.Equal(ClaimVerdict.Holds, result.Verdict);
        // Clearly separated groups differ significantly: not alike, whatever the margin.
        var apart = ClaimEvaluator.Evaluate(ClaimOf(Groups("a", "b", Expectation.Alike, margin: 100)), Of(Values("a", a), Values("b", Ramp(10, 5.0))));
        Assert.Equal(ClaimVerdict.DoesNotHold, apart.Verdict);
    }

    [Fact]
    public void RawTest_NoSeedsLeft_PIsOneAndNothingMeasured()
    {
        // Every run of "a" diverged: the threshold comparison has no values, the group comparison no first group.
        var diverged = Enumerable.Range(0, 3).Select(s => Run("a", (ulong)s, double.NaN, divergedAt: 1)).ToArray();
        var threshold = ClaimEvaluator.Evaluate(ClaimOf(Against("a", 0.5, Expectation.Greater)), Of(diverged));
        var groups = ClaimEvaluator.Evaluate(ClaimOf(Groups("a", "b", Expectation.Greater)), Of(diverged, Values("b", Ramp(4))));
        foreach (var (c, n2, effectName) in new[] { (threshold.Comparisons[0], 0, "matched rank-biserial"), (groups.Comparisons[0], 4, "rank-biserial") })
        {
            Assert.Equal(1.0, c.P);
            Assert.Equal(0, c.N1);
            Assert.Equal(n2, c.N2);
            Assert.Equal(0.0, c.Effect);
            Assert.Equal(effectName, c.EffectName);
            Assert.Equal("no seeds to compare", c.Measured);
            Assert.Equal(ClaimVerdict.Inconclusive, c.Verdict);
        }
    }

    [Fact]
    public void RawTest_Measured_SaysMediansMeansAndCounts()
    {
        var paired = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "b", ClaimTest.Sign, Expectation.Greater)), Of(Values("a", 3, 1, 5, 2), Values("b", 2, 2, 2, 2)));
        Assert.Equal("sign effect", paired.Comparisons[0].EffectName);
        Assert.Equal("a (xavier, scale 1) final m median 2.5, b (xavier, scale 1) final m median 2; first above on 2 of 4 seeds, below on 1",
            paired.Comparisons[0].Measured);
        var groups = ClaimEvaluator.Evaluate(ClaimOf(Groups("a", "b", Expectation.Greater)), Of(Values("a", 3, 1, 5), Values("b", 2, 2)));
        Assert.Equal("a (xavier, scale 1) final m mean 3, b (xavier, scale 1) final m mean 2 (difference 1; n = 3, 2)", groups.Comparisons[0].Measured);
        var against = ClaimEvaluator.Evaluate(ClaimOf(Against("a", 2.5, Expectation.Greater)), Of(Values("a", 3, 1, 5, 2.5)));
        Assert.StartsWith("a (xavier, scale 1) m: mean 2.875, 95 % interval [", against.Comparisons[0].Measured);
        Assert.EndsWith("], median 2.75 against 2.5; above on 2 of 4 seeds, below on 1", against.Comparisons[0].Measured);
    }

    [Fact]
    public void RawTest_SmallestP_IsTheMostExtremeOutcomeOfTheSampleSizes()
    {
        // Mann–Whitney, 2 against 2: the most extreme split still has p > 0.05, so the comparison is inconclusive
        // even though the samples are as separated as they can be; 6 against 6 is not.
        var few = ClaimEvaluator.Evaluate(ClaimOf(Groups("a", "b", Expectation.Greater)), Of(Values("a", 9, 8), Values("b", 1, 2)));
        Assert.Equal(ClaimVerdict.Inconclusive, few.Verdict);
        var enough = ClaimEvaluator.Evaluate(ClaimOf(Groups("a", "b", Expectation.Greater)), Of(Values("a", 9, 8, 7, 10, 11, 12), Values("b", 1, 2, 3, 4, 5, 6)));
        Assert.Equal(ClaimVerdict.Holds, enough.Verdict);
        // Sign test: 5 seeds give at best 2/32 > 0.05, 6 give 2/64.
        var five = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "b", ClaimTest.Sign, Expectation.Greater)), Of(Values("a", Rise(5)), Values("b", Ramp(5))));
        var six = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "b", ClaimTest.Sign, Expectation.Greater)), Of(Values("a", Rise(6)), Values("b", Ramp(6))));
        Assert.Equal(ClaimVerdict.Inconclusive, five.Verdict);
        Assert.Equal(ClaimVerdict.Holds, six.Verdict);
        Assert.Equal(2.0 / 64.0, six.Comparisons[0].P, 1e-15);
    }
}
