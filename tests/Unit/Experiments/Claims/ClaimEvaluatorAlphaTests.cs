using GradFlow.Experiments;
using static GradFlow.Tests.Unit.Experiments.Claims.SyntheticSeeds;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>A p exactly at α is not below it: ten seeds all one way give the exact Wilcoxon p = 2/1024, here also α.</summary>
public sealed class ClaimEvaluatorAlphaTests
{
    private const double Alpha = 2.0 / 1024.0;

    [Theory]
    [InlineData(Expectation.Greater)]
    [InlineData(Expectation.Less)]
    public void Evaluate_AdjustedPEqualToAlpha_DecidedAndDoesNotHold(Expectation expect)
    {
        var claim = ClaimOf(expect == Expectation.Greater ? Paired("a", "b", ClaimTest.Wilcoxon, expect) : Paired("b", "a", ClaimTest.Wilcoxon, expect)) with { Alpha = Alpha };
        var result = ClaimEvaluator.Evaluate(claim, Of(Values("a", Rise(10)), Values("b", Ramp(10))));
        Assert.Equal(Alpha, result.Comparisons[0].AdjustedP);
        // m·p_min = α is not above α: decided, not inconclusive; and p = α is not significant.
        Assert.Equal(ClaimVerdict.DoesNotHold, result.Verdict);
    }
}
