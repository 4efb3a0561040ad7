using GradFlow.Experiments;
using static GradFlow.Tests.Unit.Experiments.Claims.SyntheticSeeds;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>ClaimWords: each verdict and test in words, and what a comparison shows in each of its cases.</summary>
public sealed class ClaimWordsTests
{
    private static readonly BootstrapInterval Interval = new(0.013, 0.002, 0.024, 1000, 0.95);

    private static ComparisonResult Result(ClaimVerdict verdict, double adjustedP, double effect, BootstrapInterval? interval = null) =>
        new("a vs b", ClaimTest.Wilcoxon, 10, 10, 0.0312, adjustedP, effect, "matched rank-biserial", interval, verdict, "a median 1, b median 2");

    private static ClaimComparison Declared(Expectation expect, double? threshold = null, double? margin = null) =>
        new("a vs b", ClaimTest.Wilcoxon, expect, _ => null) { Threshold = threshold, Margin = margin };

    private static string Finding(ClaimComparison declared, ComparisonResult result) => ClaimWords.Finding(ClaimOf(declared), declared, result);

    [Fact]
    public void VerdictAndTest_EveryValue_InWords()
    {
        Assert.Equal(["holds", "does not hold", "inconclusive", "not applicable"], Enum.GetValues<ClaimVerdict>().Select(ClaimWords.Verdict));
        Assert.Equal(["Mann–Whitney U", "Wilcoxon signed-rank", "sign test"], Enum.GetValues<ClaimTest>().Select(ClaimWords.Test));
    }

    [Fact]
    public void Finding_Holds_AsStatedWithTheTestAndTheMeasuredValues() =>
        Assert.Equal("as stated (Wilcoxon signed-rank p = 0.0312, Holm p = 0.0625, matched rank-biserial 0.8); a median 1, b median 2",
            Finding(Declared(Expectation.Greater), Result(ClaimVerdict.Holds, 0.0625, 0.8)));

    [Fact]
    public void Finding_Inconclusive_TooFewSeedsAtTheClaimsAlpha() =>
        Assert.StartsWith("too few seeds to reach α = 0.05 (", Finding(Declared(Expectation.Greater), Result(ClaimVerdict.Inconclusive, 0.5, 1.0)));

    [Theory]
    [InlineData(Expectation.Greater, -0.4)]
    [InlineData(Expectation.Greater, 0.0)] // no effect is not the stated direction
    [InlineData(Expectation.Less, 0.4)]
    [InlineData(Expectation.Less, 0.0)]
    public void Finding_SignificantTheWrongWay_OppositeDirection(Expectation expect, double effect) =>
        Assert.StartsWith("significant in the opposite direction (", Finding(Declared(expect), Result(ClaimVerdict.DoesNotHold, 0.01, effect)));

    [Theory]
    [InlineData(0.066)]
    [InlineData(0.05)] // at α exactly: not below it
    public void Finding_NotSignificant_SaysTheAdjustedPAgainstAlpha(double adjustedP) =>
        Assert.StartsWith($"no significant difference (Holm p = {ClaimWords.P(adjustedP)} ≥ α = 0.05) (",
            Finding(Declared(Expectation.Greater), Result(ClaimVerdict.DoesNotHold, adjustedP, 0.6)));

    [Fact]
    public void Finding_RanksRightButIntervalReachesTheThreshold_NamesTheInterval() =>
        Assert.StartsWith("the ranks favour the statement, but the 95 % interval [0.002, 0.024] of the mean reaches 0.01 (",
            Finding(Declared(Expectation.Less, threshold: 0.01), Result(ClaimVerdict.DoesNotHold, 0.01, -0.7, Interval)));

    [Fact]
    public void Finding_SignificantRightWayWithoutInterval_NotAsStated() =>
        Assert.StartsWith("not as stated (", Finding(Declared(Expectation.Greater), Result(ClaimVerdict.DoesNotHold, 0.01, 0.7)));

    [Fact]
    public void Finding_AlikeButDifferent_SignificantOrBeyondTheMargin()
    {
        Assert.StartsWith("they differ significantly (Holm p = 0.01 < α = 0.05) (",
            Finding(Declared(Expectation.Alike, margin: 0.02), Result(ClaimVerdict.DoesNotHold, 0.01, 0.7)));
        Assert.StartsWith("no significant difference, but the means differ by at least the margin 0.02 (",
            Finding(Declared(Expectation.Alike, margin: 0.02), Result(ClaimVerdict.DoesNotHold, 0.3, 0.7)));
        Assert.StartsWith("no significant difference, but the means differ by at least the margin 0 (",
            Finding(Declared(Expectation.Alike), Result(ClaimVerdict.DoesNotHold, 0.3, 0.7)));
    }

    [Fact]
    public void Finding_ThresholdMissing_ReadsAsZero() =>
        Assert.StartsWith("the ranks favour the statement, but the 95 % interval [0.002, 0.024] of the mean reaches 0 (",
            Finding(Declared(Expectation.Less), Result(ClaimVerdict.DoesNotHold, 0.01, -0.7, Interval)));

    [Theory]
    [InlineData(1e-4, "0.0001")]
    [InlineData(5e-5, "5.0E-5")]
    [InlineData(0.066123, "0.0661")]
    [InlineData(1.0, "1")]
    public void P_SmallInScientificElseFourDecimals(double p, string expected) => Assert.Equal(expected, ClaimWords.P(p));

    [Fact]
    public void F_FourSignificantDigits() => Assert.Equal("0.1235", ClaimWords.F(0.123456));
}
