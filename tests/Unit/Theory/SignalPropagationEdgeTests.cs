using GradFlow.Activations;
using GradFlow.Numerics;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>SignalPropagation's arguments, the correlation fixed point with a bias, χ_c at c* = 1, and kinks away from 0.</summary>
public sealed class SignalPropagationEdgeTests
{
    private static readonly Activation Tanh = ActivationRegistry.Get("tanh");

    [Fact]
    public void Constructor_NotAVariance_Throws()
    {
        foreach (double w in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
            Assert.Contains("σ_w² must be a finite number > 0", Assert.Throws<ArgumentOutOfRangeException>(() => new SignalPropagation(Tanh, w)).Message);
        foreach (double b in new[] { -1e-3, double.NaN, double.PositiveInfinity })
            Assert.Contains("σ_b² must be a finite number >= 0", Assert.Throws<ArgumentOutOfRangeException>(() => new SignalPropagation(Tanh, 1.0, b)).Message);
        Assert.Equal(0.0, new SignalPropagation(Tanh, 1.0, 0.0).SigmaB2);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FixedPointC_NoFiniteLength_NaN(double qStar) => Assert.True(double.IsNaN(new SignalPropagation(Tanh, 0.5).FixedPointC(qStar)));

    [Fact]
    public void FixedPointC_ChaoticWithBias_IsAFixedPointInsideZeroOne()
    {
        var sp = new SignalPropagation(Tanh, 4.0, 0.1);
        var a = sp.Analyse();
        Assert.Equal(Phase.Chaotic, a.Phase);
        Assert.True(a.CStar > 0.01 && a.CStar < 0.99, $"c* {a.CStar}");
        Assert.True(Math.Abs(sp.CorrelationMap(a.CStar, a.QStar) - a.CStar) <= 1e-10, $"c* {a.CStar:R} not fixed");
        Assert.Equal(sp.ChiC(a.CStar, a.QStar), a.ChiC);
    }

    [Fact]
    public void Analyse_OrderedWithBias_ChiCIsChi1AtCStarOne()
    {
        var a = new SignalPropagation(Tanh, 0.9, 0.05).Analyse();
        Assert.Equal(Phase.Ordered, a.Phase);
        Assert.Equal(1.0, a.CStar);
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Chi1), BitConverter.DoubleToInt64Bits(a.ChiC));
        Assert.Equal(-1 / Math.Log(a.Chi1), a.XiC);
    }

    [Fact]
    public void Classify_AroundOne_EdgeWithinTheTolerance()
    {
        Assert.Equal(Phase.Edge, SignalPropagation.Classify(1.0));
        Assert.Equal(Phase.Edge, SignalPropagation.Classify(1 + 0.5e-9));
        Assert.Equal(Phase.Ordered, SignalPropagation.Classify(1 - 2e-9));
        Assert.Equal(Phase.Chaotic, SignalPropagation.Classify(1 + 2e-9));
        Assert.True(double.IsPositiveInfinity(SignalPropagation.DepthScale(1 - 0.5e-9)));
        Assert.Equal(-1 / Math.Log(1 + 2e-9), SignalPropagation.DepthScale(1 + 2e-9));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(1.0)]
    [InlineData(9.0)]
    public void ChiQ_ShiftedRelu_IsTheProbabilityPastTheKink(double q)
    {
        // d/dq E[max(√q z − 1, 0)²] = E[φ′² + φφ″] = P(√q z > 1) = Φ(−1/√q).
        var sp = new SignalPropagation(Activation<ShiftedRelu>.Instance, 1.0);
        double expected = 0.5 * SpecialFunctions.Erfc(1 / Math.Sqrt(2 * q));
        Assert.True(Math.Abs(sp.ChiQ(q) - expected) <= 1e-12 * expected, $"{sp.ChiQ(q):R} vs {expected:R}");
    }

    [Fact]
    public void MeanFieldActivation_GivenRules_IntegratesWithThem()
    {
        // Three half-line nodes cannot integrate tanh² to 1e-12; the default rules can: the given rules are the ones used.
        var coarse = new GaussianExpectation(halfLineNodes: 3, segmentNodes: 2);
        var phi = new MeanFieldActivation(Tanh, coarse);
        double exact = new MeanFieldActivation(Tanh).SecondMoment(2.0);
        Assert.Equal(coarse.OfScaled(z => Math.Tanh(z) * Math.Tanh(z), 2.0, []), phi.SecondMoment(2.0), 1e-15);
        Assert.True(Math.Abs(phi.SecondMoment(2.0) - exact) > 1e-6);
        Assert.Equal(3, coarse.HalfLineNodes);
    }
}
