using GradFlow.Experiments;
using static GradFlow.Tests.Unit.Experiments.Claims.SyntheticSeeds;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>ClaimEvaluator on hand-made seeds: each verdict, Holm's adjustment, and too few seeds.</summary>
public sealed class ClaimEvaluatorTests
{
    [Fact]
    public void Evaluate_EverySeedOfFirstAbove_Holds()
    {
        var input = Of(Values("a", Rise(10)), Values("b", Ramp(10)));
        var result = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater)), input);
        Assert.Equal(ClaimVerdict.Holds, result.Verdict);
        Assert.Equal(2.0 / 1024.0, result.Comparisons[0].P); // exact: all ten differences positive
        Assert.Equal(1.0, result.Comparisons[0].Effect);
    }

    [Fact]
    public void Evaluate_SignificantInTheOtherDirection_DoesNotHold()
    {
        var input = Of(Values("a", Ramp(10)), Values("b", Rise(10)));
        var result = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "b", ClaimTest.Sign, Expectation.Greater)), input);
        Assert.Equal(ClaimVerdict.DoesNotHold, result.Verdict);
        Assert.True(result.Comparisons[0].AdjustedP < 0.05 && result.Comparisons[0].Effect < 0);
    }

    [Fact]
    public void Evaluate_NoSignificantDifference_DoesNotHold()
    {
        // Differences +, −, +, −, …: the signs balance, p = 1.
        double[] a = Ramp(10), b = [.. a.Select((v, i) => i % 2 == 0 ? v - 0.5 : v + 0.5)];
        var result = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "b", ClaimTest.Sign, Expectation.Greater)), Of(Values("a", a), Values("b", b)));
        Assert.Equal(ClaimVerdict.DoesNotHold, result.Verdict);
        Assert.Equal(1.0, result.Comparisons[0].P);
    }

    [Fact]
    public void Evaluate_FiveSeedsAllOneWay_InconclusiveAndSixSeedsHold()
    {
        // Exact two-sided Wilcoxon: five seeds can give at best p = 2/32 > 0.05; six can give 2/64 < 0.05.
        var claim = ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater));
        var five = ClaimEvaluator.Evaluate(claim, Of(Values("a", Rise(5)), Values("b", Ramp(5))));
        var six = ClaimEvaluator.Evaluate(claim, Of(Values("a", Rise(6)), Values("b", Ramp(6))));
        Assert.Equal(ClaimVerdict.Inconclusive, five.Verdict);
        Assert.Equal(ClaimVerdict.Inconclusive, five.Comparisons[0].Verdict);
        Assert.Equal(ClaimVerdict.Holds, six.Verdict);
    }

    [Fact]
    public void Evaluate_SixSeedsButTwoComparisons_InconclusiveBecauseHolmDoublesTheSmallestP()
    {
        var claim = ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater), Paired("a", "c", ClaimTest.Wilcoxon, Expectation.Greater));
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", Rise(6)), Values("b", Ramp(6)), Values("c", Ramp(6))));
        Assert.Equal(ClaimVerdict.Inconclusive, result.Verdict);
        Assert.All(result.Comparisons, c => Assert.Equal(2.0 / 64.0, c.P));
    }

    [Fact]
    public void Evaluate_TwoRawPsBelowAlpha_HolmAdjustsThemAboveItAndTheClaimDoesNotHold()
    {
        // Ten seeds, the two smallest differences negative: R− = 1 + 2 + 4 = 7, exact p = 2·19/1024 ≈ 0.037 each.
        double[] b = Ramp(10);
        double[] a = [.. b.Select((v, i) => i is 0 or 1 or 3 ? v - (i + 1) : v + (i + 1))];
        var claim = ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater), Paired("a", "c", ClaimTest.Wilcoxon, Expectation.Greater));
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", a), Values("b", b), Values("c", b)));
        double raw = 2.0 * 19.0 / 1024.0;
        Assert.All(result.Comparisons, c =>
        {
            Assert.Equal(raw, c.P, 1e-15);
            Assert.Equal(2 * raw, c.AdjustedP, 1e-15);
            Assert.Equal(ClaimVerdict.DoesNotHold, c.Verdict);
        });
        Assert.Equal(ClaimVerdict.DoesNotHold, result.Verdict);
    }

    [Fact]
    public void Evaluate_AdjustedPs_AreHolmOfTheRawPsOfTheClaim()
    {
        double[] b = Ramp(12);
        var claim = ClaimOf(
            Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater),
            Paired("c", "b", ClaimTest.Wilcoxon, Expectation.Greater),
            Paired("d", "b", ClaimTest.Sign, Expectation.Greater));
        var input = Of(Values("b", b), Values("a", [.. b.Select((v, i) => v + (i % 3 == 0 ? -0.3 : 0.7))]),
            Values("c", [.. b.Select((v, i) => v + (i % 5 == 0 ? -0.2 : 0.1 * i))]), Values("d", [.. b.Select(v => v + 1)]));
        var result = ClaimEvaluator.Evaluate(claim, input);
        Assert.Equal(HolmBonferroni.Adjust([.. result.Comparisons.Select(c => c.P)]), result.Comparisons.Select(c => c.AdjustedP));
    }

    [Fact]
    public void Evaluate_OneComparisonFailsAndOneInconclusive_ClaimDoesNotHold()
    {
        // "a" has 10 seeds, significantly below "b"; "c" has 3 seeds against "a" (too few for anything).
        var claim = ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater), Paired("c", "a", ClaimTest.Wilcoxon, Expectation.Greater));
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", Ramp(10)), Values("b", Rise(10)), Values("c", Rise(3))));
        Assert.Equal(ClaimVerdict.DoesNotHold, result.Comparisons[0].Verdict);
        Assert.Equal(ClaimVerdict.Inconclusive, result.Comparisons[1].Verdict);
        Assert.Equal(ClaimVerdict.DoesNotHold, result.Verdict);
    }

    [Fact]
    public void Evaluate_GroupsAlikeWithinMargin_HoldsAndBeyondMargin_DoesNotHold()
    {
        double[] a = [0.90, 0.92, 0.88, 0.91, 0.93, 0.89, 0.90, 0.92, 0.87, 0.94];
        double[] close = [.. a.Reverse().Select(v => v + 0.005)];
        double[] shifted = [.. a.Reverse().Select((v, i) => v + (i % 2 == 0 ? 0.06 : -0.01))];
        var alike = ClaimOf(Groups("a", "b", Expectation.Alike, margin: 0.02));
        var near = ClaimEvaluator.Evaluate(alike, Of(Values("a", a), Values("b", close)));
        var far = ClaimEvaluator.Evaluate(alike, Of(Values("a", a), Values("b", shifted)));
        Assert.Equal(ClaimVerdict.Holds, near.Verdict);
        Assert.True(far.Comparisons[0].AdjustedP >= 0.05, $"p {far.Comparisons[0].AdjustedP}: the test should not separate them");
        Assert.Equal(ClaimVerdict.DoesNotHold, far.Verdict); // the means differ by 0.025 > 0.02
    }

    [Fact]
    public void Evaluate_EverySeedBeyondThreshold_HoldsWithTheIntervalBeyondIt()
    {
        var result = ClaimEvaluator.Evaluate(ClaimOf(Against("a", 1.5, Expectation.Greater)), Of(Values("a", Ramp(10, offset: 0.5))));
        Assert.Equal(ClaimVerdict.Holds, result.Verdict);
        Assert.True(result.Comparisons[0].Interval!.Low > 1.5);
    }

    [Fact]
    public void Evaluate_RanksSignificantButMeanIntervalReachesThreshold_DoesNotHold()
    {
        // 19 seeds just above 1.5 and one far below: the signed ranks favour "above" (R− = 20 of 210),
        // but the mean, and so its bootstrap interval, lies below the threshold.
        double[] values = [.. Enumerable.Range(1, 19).Select(k => 1.5 + k / 1000.0), 1.5 - 1000.0];
        var result = ClaimEvaluator.Evaluate(ClaimOf(Against("a", 1.5, Expectation.Greater)), Of(Values("a", values)));
        var c = result.Comparisons[0];
        Assert.True(c.AdjustedP < 0.05 && c.Effect > 0, $"p {c.AdjustedP}, effect {c.Effect}");
        Assert.True(c.Interval!.Low < 1.5);
        Assert.Equal(ClaimVerdict.DoesNotHold, result.Verdict);
    }

    [Fact]
    public void Evaluate_DivergedSeed_IsLeftOutOfFinalValues()
    {
        var runs = Values("a", Ramp(7, 1.0)).Append(Run("a", 7, double.NaN, divergedAt: 3));
        var result = ClaimEvaluator.Evaluate(ClaimOf(Groups("a", "b", Expectation.Greater)), Of(runs, Values("b", Ramp(8))));
        Assert.Equal(7, result.Comparisons[0].N1);
        Assert.Equal(8, result.Comparisons[0].N2);
    }

    [Fact]
    public void Evaluate_MissingSetting_NotApplicable()
    {
        var result = ClaimEvaluator.Evaluate(ClaimOf(Paired("a", "zz", ClaimTest.Wilcoxon, Expectation.Greater)), Of(Values("a", Ramp(10))));
        Assert.Equal(ClaimVerdict.NotApplicable, result.Verdict);
        Assert.Contains("a vs zz", result.Reason);
    }

    [Fact]
    public void Evaluate_OtherConfiguration_NotApplicable()
    {
        var claim = ClaimOf(Paired("a", "b", ClaimTest.Wilcoxon, Expectation.Greater)) with { Configuration = StudyConfiguration.Of(Presets.Seed) };
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", Rise(10)), Values("b", Ramp(10))));
        Assert.Equal(ClaimVerdict.NotApplicable, result.Verdict);
        Assert.Empty(result.Comparisons);
    }
}
