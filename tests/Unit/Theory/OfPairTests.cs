using GradFlow.Activations;
using GradFlow.Numerics;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>GaussianExpectation.OfPair and OfScaledBoth at their edges: steps away from 0, full correlation, bad input.</summary>
public sealed class OfPairTests
{
    private static readonly GaussianExpectation E = GaussianExpectation.Default;

    private static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    private static Func<double, double> Step(double at) => u => u > at ? 1.0 : 0.0;

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.999)]
    [InlineData(0.999)]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    public void OfPair_StepInEitherArgument_IsTheMarginalCdf(double c)
    {
        // E[1{u₁ > a}·1] = Φ(−a/√q₁) and E[1·1{u₂ > b}] = Φ(−b/√q₂) whatever c: exact only if the cuts fall on the steps.
        const double q1 = 2.5, q2 = 0.36, a = 0.7, b = -0.4;
        double first = E.OfPair(Step(a), [a], _ => 1.0, [], q1, q2, c);
        double second = E.OfPair(_ => 1.0, [], Step(b), [b], q1, q2, c);
        Assert.True(Math.Abs(first - Cdf(-a / Math.Sqrt(q1))) <= 1e-12, $"first {first:R}");
        Assert.True(Math.Abs(second - Cdf(-b / Math.Sqrt(q2))) <= 1e-11, $"second {second:R}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void OfPair_FullCorrelation_IsTheOneVariableExpectation(double c)
    {
        // c = ±1: u₂ = ±√(q₂/q₁)·u₁, so E[1{u₁ > a}1{u₂ > b}] is one normal probability.
        const double q = 1.7, a = 0.3, b = -0.5;
        double pair = E.OfPair(Step(a), [a], Step(b), [b], q, q, c);
        // c = 1: u₁ > max(a, b); c = −1: a < u₁ < −b.
        double expected = c > 0 ? Cdf(-Math.Max(a, b) / Math.Sqrt(q)) : Cdf(-b / Math.Sqrt(q)) - Cdf(a / Math.Sqrt(q));
        Assert.True(Math.Abs(pair - expected) <= 1e-12, $"{pair:R} vs {expected:R}");
    }

    [Theory]
    [InlineData(1.0000001)]
    [InlineData(-1.5)]
    [InlineData(double.NaN)]
    public void OfPair_NotACorrelation_Throws(double c) =>
        Assert.Contains("a correlation must be in [-1, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => E.OfPair(z => z, [], z => z, [], 1, 1, c)).Message);

    [Theory]
    [InlineData(0.3, 0.6)]
    [InlineData(4.0, -0.8)]
    public void OfPair_ShiftedRelu_StepsOfTheSlopeAtOne(double q, double c)
    {
        // φ′ = 1{u > 1}: E[φ′(u₁)] is Φ(−1/√q) with g = 1, and E[φ′(u₁)φ′(u₂)] ≤ it; the kink is at 1, not 0.
        var phi = Activation<ShiftedRelu>.Instance;
        double one = E.OfPair(phi.Derivative, phi.Kinks, _ => 1.0, [], q, q, c);
        Assert.True(Math.Abs(one - Cdf(-1 / Math.Sqrt(q))) <= 1e-12, $"{one:R}");
        double other = E.OfPair(_ => 1.0, [], phi.Derivative, phi.Kinks, q, q, c);
        Assert.True(Math.Abs(other - Cdf(-1 / Math.Sqrt(q))) <= 1e-11, $"{other:R}");
    }

    [Fact]
    public void OfScaledBoth_ZeroAndBadVariance_TheValuesAtZeroOrThrows()
    {
        Assert.Equal((3.0, -1.0), E.OfScaledBoth(z => z + 3, z => z - 1, 0, []));
        foreach (double q in new[] { -1.0, double.NaN, double.PositiveInfinity })
            Assert.Contains("a variance q must be a finite number >= 0", Assert.Throws<ArgumentOutOfRangeException>(() => E.OfScaledBoth(z => z, z => z, q, [])).Message);
        Assert.Contains("a variance q must be a finite number >= 0", Assert.Throws<ArgumentOutOfRangeException>(() => E.OfScaled(z => z, double.PositiveInfinity, [])).Message);
    }

    [Fact]
    public void Of_SixtyFourBreakpoints_IsStillExact()
    {
        // A staircase with 64 steps at −3.15, −3.05, …, 3.15: E = Σ_j P(z > b_j); more breakpoints than the stack room.
        double[] steps = [.. Enumerable.Range(0, 64).Select(j => -3.15 + 0.1 * j)];
        double expected = steps.Sum(b => Cdf(-b));
        double actual = E.Of(z => steps.Count(b => z > b), steps);
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * expected, $"{actual:R} vs {expected:R}");
        double[] sixtyThree = steps[..63];
        Assert.True(Math.Abs(E.Of(z => sixtyThree.Count(b => z > b), sixtyThree) - sixtyThree.Sum(b => Cdf(-b))) <= 1e-11);
    }
}
