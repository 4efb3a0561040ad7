using GradFlow.Numerics;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>Fresh instances and the pair expectation's scale-dependent cuts, against closed forms.</summary>
public sealed class GaussianExpectationEdgeTests
{
    private static double Rel(double actual, double expected) => Math.Abs(actual - expected) / Math.Abs(expected);

    private static double Erf(double x) => 1 - SpecialFunctions.Erfc(x);

    [Theory]
    [InlineData(GaussianExpectation.DefaultHalfLineNodes, GaussianExpectation.DefaultSegmentNodes)]
    [InlineData(32, 16)]
    public void Constructor_AnyCounts_HalfLinesCarryExactlyHalfAndTheMoments(int halfLine, int segment)
    {
        var e = new GaussianExpectation(halfLine, segment);
        Assert.Equal(halfLine, e.HalfLineNodes);
        // E[1{z > 0}] = ½ and E[1{z < 0}] = ½ to the bit: each half-line's weights sum to exactly ½.
        Assert.Equal(0.5, e.Of(z => z > 0 ? 1 : 0, []));
        Assert.Equal(0.5, e.Of(z => z < 0 ? 1 : 0, []));
        Assert.True(Rel(e.Of(z => z * z, []), 1) <= 1e-14);
        Assert.True(Rel(e.Of(z => z * z * z * z, []), 3) <= 1e-14);
    }

    [Theory]
    [InlineData(25.0)]
    public void OfPair_SharpInnerIntegrand_MatchesStein(double q2)
    {
        // Stein: E[u₁ g(u₂)] = c√(q₁q₂)·E[g′(u₂)], and for g = erf, E[erf′(√q z)] = (2/√π)/√(1 + 2q).
        // c = 0.6: the inner integrand erf(√q₂(0.6z₁ + 0.8z₂)) steps within 1/(0.8√q₂) in z₂.
        double expected = 0.6 * Math.Sqrt(q2) * (2 / Math.Sqrt(Math.PI)) / Math.Sqrt(1 + 2 * q2);
        double actual = GaussianExpectation.Default.OfPair(z => z, [], Erf, [], 1, q2, 0.6);
        Assert.True(Rel(actual, expected) <= 1e-11, $"{actual:R} vs {expected:R}: rel {Rel(actual, expected):E2}");
    }

    [Fact]
    public void OfPair_SharpOuterIntegrand_MatchesStein()
    {
        // The same with the roles swapped: erf(20z₁) outside, u₂ inside.
        double expected = 0.6 * 20 * (2 / Math.Sqrt(Math.PI)) / Math.Sqrt(801);
        double actual = GaussianExpectation.Default.OfPair(Erf, [], z => z, [], 400, 1, 0.6);
        Assert.True(Rel(actual, expected) <= 1e-11, $"{actual:R} vs {expected:R}: rel {Rel(actual, expected):E2}");
    }

    [Theory]
    [InlineData(0.999)]
    [InlineData(-0.999)]
    public void OfPair_NearlyEqualArguments_InnerExpectationSharpensInZ1(double c)
    {
        // u₁ inside, erf(u₂) with q₂ = 400 and c → ±1: as a function of z₁ the inner expectation steps on the scale √(1 − c²)/20.
        double expected = c * 20 * (2 / Math.Sqrt(Math.PI)) / Math.Sqrt(801);
        double actual = GaussianExpectation.Default.OfPair(z => z, [], Erf, [], 1, 400, c);
        Assert.True(Rel(actual, expected) <= 1e-11, $"{actual:R} vs {expected:R}: rel {Rel(actual, expected):E2}");
    }

    [Fact]
    public void OfPair_KinkAwayFromZero_IsCutWhereTheInnerArgumentCrossesIt()
    {
        // f = 1, g(u) = max(u − 10, 0), q₂ = 25: E[g(5z)] = 5φ(2) − 10Φ(−2) for any c;
        // mpmath (30 digits): 0.0424535130841481877499946303882.
        const double expected = 0.0424535130841481877499946303882;
        foreach (double c in new[] { 0.99, 0.9, -0.95, 0.5 })
        {
            double actual = GaussianExpectation.Default.OfPair(_ => 1, [], u => Math.Max(u - 10, 0), [10.0], 1, 25, c);
            Assert.True(Rel(actual, expected) <= 1e-13, $"c {c}: {actual:R} vs {expected:R}: rel {Rel(actual, expected):E2}");
        }
    }

    [Fact]
    public void OfPair_ZeroSecondVarianceAndCorrelation_IsTheFirstExpectationTimesGAtZero()
    {
        // u₂ ≡ 0: E[u₁² (u₂ + 3)] = 3q₁.
        double actual = GaussianExpectation.Default.OfPair(u => u * u, [], u => u + 3, [], 2, 0, 0);
        Assert.True(Rel(actual, 6) <= 1e-14, $"{actual:R}");
    }
}
