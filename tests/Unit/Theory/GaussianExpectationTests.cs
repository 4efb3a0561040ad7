using GradFlow.Activations;
using GradFlow.Numerics;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

public sealed class GaussianExpectationTests
{
    private static readonly GaussianExpectation E = GaussianExpectation.Default;

    private static double Rel(double actual, double expected) => Math.Abs(actual - expected) / Math.Abs(expected);

    public static TheoryData<string, double> OracleCases()
    {
        var data = new TheoryData<string, double>();
        foreach (var row in ExpectationOracle.Rows) data.Add(row.Activation, row.Q);
        return data;
    }

    [Theory]
    [MemberData(nameof(OracleCases))]
    public void OfScaled_EveryActivationAndQ_MatchesMpmathTo1e12(string activation, double q)
    {
        var row = ExpectationOracle.Rows.Single(r => r.Activation == activation && r.Q == q);
        var phi = ActivationRegistry.Get(activation);
        double phi2 = E.OfScaled(z => phi.Value(z) * phi.Value(z), q, phi.Kinks);
        double dphi2 = E.OfScaled(z => phi.Derivative(z) * phi.Derivative(z), q, phi.Kinks);
        Assert.True(Rel(phi2, row.Phi2) <= 1e-12, $"E[φ²] {phi2:R} vs {row.Phi2:R}: rel {Rel(phi2, row.Phi2):E2}");
        Assert.True(Rel(dphi2, row.Dphi2) <= 1e-12, $"E[φ′²] {dphi2:R} vs {row.Dphi2:R}: rel {Rel(dphi2, row.Dphi2):E2}");
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(7.5)]
    [InlineData(100.0)]
    public void OfScaled_Relu_GivesHalfQAndExactlyAHalf(double q)
    {
        var relu = ActivationRegistry.Get("relu");
        double phi2 = E.OfScaled(z => relu.Value(z) * relu.Value(z), q, relu.Kinks);
        Assert.True(Rel(phi2, q / 2) <= 1e-14, $"E[φ²] {phi2:R}: rel {Rel(phi2, q / 2):E2}");
        // The step φ′ = 1{z > 0}: the right half-line's weights, which sum to ½ by construction.
        double dphi2 = E.OfScaled(z => relu.Derivative(z) * relu.Derivative(z), q, relu.Kinks);
        Assert.True(Rel(dphi2, 0.5) <= 4e-16, $"E[φ′²] {dphi2:R}");
    }

    [Fact]
    public void Of_Moments_AreTheGaussianMoments()
    {
        // E z^{2k} = (2k − 1)!!, the half-line rules integrate polynomials of degree < 128 exactly.
        double doubleFactorial = 1;
        for (int k = 1; k <= 20; k++)
        {
            doubleFactorial *= 2 * k - 1;
            int power = 2 * k;
            Assert.True(Rel(E.Of(z => Math.Pow(z, power), []), doubleFactorial) <= 1e-13, $"E z^{power}");
            Assert.True(Math.Abs(E.Of(z => Math.Pow(z, power - 1), [])) <= 1e-13 * doubleFactorial, $"E z^{power - 1}");
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void OfScaled_Erf_MatchesTheArcsineLengthMap(double q)
    {
        // Williams (1997): E[erf(a√q z)²] = (2/π)·arcsin(2a²q / (1 + 2a²q)); here a = 1.
        double expected = 2 / Math.PI * Math.Asin(2 * q / (1 + 2 * q));
        Assert.True(Rel(E.OfScaled(z => Erf(z) * Erf(z), q, []), expected) <= 1e-12);
        // E[erf′(√q z)²] = (4/π) E[e^{−2qz²}] = (4/π)/√(1 + 4q).
        double d2 = E.OfScaled(z => 4 / Math.PI * Math.Exp(-2 * z * z), q, []);
        Assert.True(Rel(d2, 4 / Math.PI / Math.Sqrt(1 + 4 * q)) <= 1e-12);
    }

    [Theory]
    [InlineData(0.25, 0.0)]
    [InlineData(1.0, 0.7)]
    [InlineData(3.0, -1.3)]
    public void OfScaled_ProbitLike_MatchesTheGaussianCdfClosedForms(double q, double shift)
    {
        // E[Φ(√q z + b)] = Φ(b/√(1 + q)); E[Φ(√q z)²] = ¼ + arcsin(q/(1 + q))/(2π) (Owen 1980, 10,010.8 and 20,010.3).
        double cdfShift = E.OfScaled(u => Cdf(u + shift), q, []);
        Assert.True(Rel(cdfShift, Cdf(shift / Math.Sqrt(1 + q))) <= 1e-12);
        double cdf2 = E.OfScaled(u => Cdf(u) * Cdf(u), q, []);
        Assert.True(Rel(cdf2, 0.25 + Math.Asin(q / (1 + q)) / (2 * Math.PI)) <= 1e-12);
        // The Heaviside step at −b: E[1{√q z > −b}] = Φ(b/√q), exact only because the split falls on the step.
        double step = E.OfScaled(u => u > -shift ? 1.0 : 0.0, q, [-shift]);
        Assert.True(Rel(step, Cdf(shift / Math.Sqrt(q))) <= 1e-12);
    }

    [Theory]
    [InlineData(0.3, 0.5, 0.2)]
    [InlineData(1.0, 1.0, 0.9)]
    [InlineData(2.0, 0.7, -0.6)]
    [InlineData(1.5, 1.5, 0.999)]
    public void OfPair_Relu_MatchesTheArcCosineKernel(double q1, double q2, double c)
    {
        // Cho & Saul (2009), degree 1: E[relu(u₁)relu(u₂)] = √(q₁q₂)/(2π)·(sin θ + (π − θ) cos θ), θ = arccos c;
        // degree 0: E[1{u₁>0}1{u₂>0}] = (π − θ)/(2π).
        var relu = ActivationRegistry.Get("relu");
        double theta = Math.Acos(c);
        double k1 = Math.Sqrt(q1 * q2) / (2 * Math.PI) * (Math.Sin(theta) + (Math.PI - theta) * Math.Cos(theta));
        double k0 = (Math.PI - theta) / (2 * Math.PI);
        double pair1 = E.OfPair(relu.Value, relu.Kinks, relu.Value, relu.Kinks, q1, q2, c);
        double pair0 = E.OfPair(relu.Derivative, relu.Kinks, relu.Derivative, relu.Kinks, q1, q2, c);
        Assert.True(Rel(pair1, k1) <= 1e-11, $"degree 1: {pair1:R} vs {k1:R}, rel {Rel(pair1, k1):E2}");
        Assert.True(Rel(pair0, k0) <= 1e-11, $"degree 0: {pair0:R} vs {k0:R}, rel {Rel(pair0, k0):E2}");
    }

    [Theory]
    [InlineData(0.5, 1.0, 0.3)]
    [InlineData(2.0, 2.0, 0.95)]
    [InlineData(1.0, 3.0, -0.8)]
    public void OfPair_Erf_MatchesTheArcsineKernel(double q1, double q2, double c)
    {
        // Williams (1997): E[erf(u₁)erf(u₂)] = (2/π) arcsin(2ρ / √((1 + 2q₁)(1 + 2q₂))), ρ = c√(q₁q₂).
        double rho = c * Math.Sqrt(q1 * q2);
        double expected = 2 / Math.PI * Math.Asin(2 * rho / Math.Sqrt((1 + 2 * q1) * (1 + 2 * q2)));
        Assert.True(Rel(E.OfPair(Erf, [], Erf, [], q1, q2, c), expected) <= 1e-12);
    }

    [Fact]
    public void OfScaled_BadVariance_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => E.OfScaled(z => z, -1, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => E.OfScaled(z => z, double.NaN, []));
        Assert.Equal(3.0, E.OfScaled(z => z + 3, 0, []));
    }

    private static double Erf(double x) => 1 - SpecialFunctions.Erfc(x);

    private static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));
}
