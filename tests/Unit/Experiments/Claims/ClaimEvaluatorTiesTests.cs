using GradFlow.Experiments;
using static GradFlow.Tests.Unit.Experiments.Claims.SyntheticSeeds;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>
/// ClaimEvaluator at its ties: an interval ending exactly on the threshold is not beyond it, a p exactly
/// at α is "not below α" for an alike comparison, a mean difference exactly the margin is not within it;
/// and what an undecided comparison or an alike paired comparison does to the claim.
/// </summary>
public sealed class ClaimEvaluatorTiesTests
{
    /// <summary>Twenty values near ±10 and one at ∓50: the ranks are one-sided (Wilcoxon p ≈ 1e-3) while the outlier pulls the mean's interval far toward it.</summary>
    private static double[] OneOutlier(double sign) =>
        [.. Enumerable.Range(1, 20).Select(k => sign * (10.0 + k / 100.0)), -sign * 50.0];

    [Theory]
    [InlineData(Expectation.Greater)]
    [InlineData(Expectation.Less)]
    public void Evaluate_IntervalEndExactlyOnTheThreshold_DoesNotHoldAndOneUlpInside_Holds(Expectation expect)
    {
        double[] values = OneOutlier(expect == Expectation.Greater ? 1.0 : -1.0);
        // The interval the evaluator documents: the 95 % bootstrap interval of the mean, at the sweep's bootstrap seed.
        var ci = Bootstrap.MeanInterval(values, SweepStatistics.BootstrapSeed);
        double end = expect == Expectation.Greater ? ci.Low : ci.High;
        double inside = expect == Expectation.Greater ? Math.BitDecrement(end) : Math.BitIncrement(end);

        var onIt = ClaimEvaluator.Evaluate(ClaimOf(Against("a", end, expect)), Of(Values("a", values)));
        var beyond = ClaimEvaluator.Evaluate(ClaimOf(Against("a", inside, expect)), Of(Values("a", values)));

        Assert.True(onIt.Comparisons[0].AdjustedP < 0.01, $"the ranks are significant: p = {onIt.Comparisons[0].AdjustedP}");
        Assert.Equal(end, expect == Expectation.Greater ? onIt.Comparisons[0].Interval!.Low : onIt.Comparisons[0].Interval!.High);
        Assert.Equal(ClaimVerdict.DoesNotHold, onIt.Verdict);
        Assert.Equal(ClaimVerdict.Holds, beyond.Verdict);
    }

    [Fact]
    public void Evaluate_AlikeWithAdjustedPExactlyAlpha_IsNotSignificantAndHolds()
    {
        double[] a = [5, 6, 7, 8], b = [1, 2, 3, 4];
        // α is the p of these groups: the most extreme split of 4 against 4, so m·p_min = α decides rather than leaves it open.
        double alpha = MannWhitney.Test(a, b).P;
        var claim = ClaimOf(Groups("a", "b", Expectation.Alike, margin: 100)) with { Alpha = alpha };
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", a), Values("b", b)));
        Assert.Equal(alpha, result.Comparisons[0].AdjustedP);
        Assert.Equal(ClaimVerdict.Holds, result.Verdict);
    }

    [Fact]
    public void Evaluate_AlikeMeanDifferenceExactlyTheMargin_DoesNotHoldAndJustAbove_Holds()
    {
        // Interleaved groups (no significant difference) whose means, 3.5 and 3, differ by exactly ½.
        var input = Of(Values("a", 1, 2, 3, 4, 5, 6), Values("b", 0.5, 1.5, 2.5, 3.5, 4.5, 5.5));
        var atMargin = ClaimEvaluator.Evaluate(ClaimOf(Groups("a", "b", Expectation.Alike, margin: 0.5)), input);
        var aboveIt = ClaimEvaluator.Evaluate(ClaimOf(Groups("a", "b", Expectation.Alike, margin: Math.BitIncrement(0.5))), input);
        Assert.True(atMargin.Comparisons[0].AdjustedP >= 0.05);
        Assert.Equal(ClaimVerdict.DoesNotHold, atMargin.Verdict);
        Assert.Equal(ClaimVerdict.Holds, aboveIt.Verdict);
    }

    [Fact]
    public void Evaluate_OneHoldsAndOneTooFewSeeds_ClaimInconclusive()
    {
        // Ten seeds decide (2·2/1024 < α); three cannot (2·p_min = 2·¼ > α).
        var claim = ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater), Paired("c", "d", ClaimTest.Wilcoxon, Expectation.Greater));
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", Rise(10)), Values("b", Ramp(10)), Values("c", Rise(3)), Values("d", Ramp(3))));
        Assert.Equal([ClaimVerdict.Holds, ClaimVerdict.Inconclusive], result.Comparisons.Select(c => c.Verdict));
        Assert.Equal(ClaimVerdict.Inconclusive, result.Verdict);
    }

    [Fact]
    public void Evaluate_AlikePairedWithMargin_ComparesTheMeansOfBothSettings()
    {
        // Every seed of "a" is its "b" ± 5, alternately: no rank evidence, equal means; the margin of 1 holds.
        // "b" alternates near 0 and 20, so neither mean is near either minimum.
        double[] b = [.. Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? 0.0 : 20.0) + i / 100.0)];
        double[] a = [.. b.Select((v, i) => v + (i % 2 == 0 ? 5.0 : -5.0))];
        var paired = Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Alike) with { Margin = 1.0 };
        var result = ClaimEvaluator.Evaluate(ClaimOf(paired), Of(Values("a", a), Values("b", b)));
        Assert.Equal(ClaimVerdict.Holds, result.Verdict);
        // Shifted by 2 on every seed the means differ by 2 > 1 while the ranks still show nothing.
        var shifted = ClaimEvaluator.Evaluate(ClaimOf(paired), Of(Values("a", [.. a.Select(v => v + 2.0)]), Values("b", b)));
        Assert.True(shifted.Comparisons[0].AdjustedP >= 0.05, $"p = {shifted.Comparisons[0].AdjustedP}");
        Assert.Equal(ClaimVerdict.DoesNotHold, shifted.Verdict);
    }

    [Fact]
    public void Evaluate_AlikeAgainstThresholdWithMargin_ComparesTheMeanWithTheThreshold()
    {
        // 5 and 15 alternately: the mean is the threshold 10, the ranks split evenly.
        double[] values = [.. Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? 5.0 : 15.0)];
        var alike = new ClaimComparison("a vs 10", ClaimTest.Wilcoxon, Expectation.Alike, ClaimReads.Each(Setting("a"), "m", r => r.Final("m"), "m"))
        { Threshold = 10.0, Margin = 1.0 };
        Assert.Equal(ClaimVerdict.Holds, ClaimEvaluator.Evaluate(ClaimOf(alike), Of(Values("a", values))).Verdict);
        var far = alike with { Threshold = 8.5 };
        Assert.Equal(ClaimVerdict.DoesNotHold, ClaimEvaluator.Evaluate(ClaimOf(far), Of(Values("a", values))).Verdict);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.05)]
    [InlineData(double.NaN)]
    public void Alpha_OutsideZeroToOne_RefusedNamingTheRange(double alpha)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClaimOf() with { Alpha = alpha });
        Assert.Equal("Alpha", e.ParamName);
        Assert.StartsWith("α must lie in (0, 1)", e.Message);
    }

    [Theory]
    [InlineData(Expectation.Greater)]
    [InlineData(Expectation.Less)]
    public void Evaluate_EffectZeroAtAlphaJustBelowOne_PIsOneAndDoesNotHold(Expectation expect)
    {
        // A significant effect of 0 cannot occur: each test's p is 1 at effect 0 (NullEffectProperties), and
        // α < 1. The nearest case, α just below 1: p = 1 is not below it, so neither direction holds.
        var claim = ClaimOf(Groups("a", "b", expect)) with { Alpha = Math.BitDecrement(1.0) };
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", 1, 4, 5, 8), Values("b", 2, 3, 6, 7)));
        Assert.Equal(0.0, result.Comparisons[0].Effect);
        Assert.Equal(1.0, result.Comparisons[0].AdjustedP);
        Assert.Equal(ClaimVerdict.DoesNotHold, result.Verdict);
    }
}
