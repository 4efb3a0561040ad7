using GradFlow.Activations;
using GradFlow.Numerics;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>SignalPropagation's arguments, the correlation fixed point with a bias, χ_c at c* = 1, and kinks away from 0.</summary>
public sealed class SignalPropagationEdgeTests
{
    private static readonly Activation Tanh = ActivationRegistry.Get("tanh");
    private static readonly Activation Relu = ActivationRegistry.Get("relu");
    private const double Tol = SignalPropagation.EdgeTolerance;

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
    public void FixedPointQ_BiasAtTheUpperBound_IsTheBiasNotInfinity()
    {
        // q* = σ_b² + σ_w² E[tanh²] ∈ [σ_b², σ_b² + σ_w²] = [1e12, 1e12 + 1e-6], and 1e12 + 1e-6 rounds to 1e12
        // (half an ulp of 1e12 is 6e-5): q* is 1e12 exactly, finite.
        var sp = new SignalPropagation(Tanh, 1e-6, 1e12);
        Assert.Equal(1e12 + 1e-6, 1e12);
        Assert.Equal(1e12, sp.FixedPointQ());
    }

    [Fact]
    public void FixedPointQ_BiasAtTheLowerBound_IsTheBiasNotZero()
    {
        // q* ∈ [σ_b², σ_b² + σ_w² q*] (E[tanh²(√q z)] ≤ q): 1e-250 + 1e-30·q* rounds to 1e-250, so q* is 1e-250 exactly.
        var sp = new SignalPropagation(Tanh, 1e-30, 1e-250);
        Assert.Equal(1e-250, sp.FixedPointQ());
    }

    [Fact]
    public void FixedPointQ_ReluSmallBias_IsTheGeometricSeriesToRelativePrecision()
    {
        // q* = σ_b² + (σ_w²/2) q*, so q* = σ_b²/(1 − σ_w²/2) = 2e-6: a small q* needs a relative stopping rule.
        var sp = new SignalPropagation(Relu, 1.0, 1e-6);
        double expected = 1e-6 / (1 - 0.5);
        double q = sp.FixedPointQ();
        Assert.True(Math.Abs(q - expected) <= 1e-12 * expected, $"{q:R} vs {expected:R}");
    }

    [Fact]
    public void FixedPointQ_SlowContractionWithBias_IsNeverBelowTheBias()
    {
        // tanh at σ_w = 1 with σ_b² = 1e-12 contracts so slowly that the iteration stops at its step cap, not at
        // q*; whatever it returns, every value of the length map is σ_w² E[φ²] + σ_b² ≥ σ_b².
        var sp = new SignalPropagation(Tanh, 1.0, 1e-12);
        double q = sp.FixedPointQ();
        Assert.True(q >= 1e-12, $"{q:R}");
    }

    [Fact]
    public void FixedPointQ_TanhAtChiQZeroOnePlusTolerance_IsWithinTheTinyFixedPoint()
    {
        // σ_b = 0: E[tanh²(√q z)] = q − 2q² + O(q³), so q = σ_w²(q − 2q²) gives q* ≈ (1 − 1/σ_w²)/2 ≈ 5e-10 for
        // σ_w² ≈ 1 + 1e-9; from q0 = 1 the iteration creeps like 1/(2l) and cannot get there in its step cap.
        // σ_w² is set so that χ_q(0) is 1 + EdgeTolerance exactly: the edge by the tolerance, where q* ≈ 0 is the answer.
        double s = new SignalPropagation(Tanh, 1.0).ChiQ(0);
        SignalPropagation? sp = null;
        for (double w = Math.BitDecrement(Math.BitDecrement((1 + Tol) / s)); w <= Math.BitIncrement(Math.BitIncrement((1 + Tol) / s)); w = Math.BitIncrement(w))
            if (new SignalPropagation(Tanh, w).ChiQ(0) == 1 + Tol) { sp = new SignalPropagation(Tanh, w); break; }
        Assert.NotNull(sp);
        double q = sp.FixedPointQ();
        Assert.True(q >= 0 && q <= 1e-9, $"{q:R}");
    }

    [Fact]
    public void Analyse_ReluNoBiasAtChi1OnePlusTolerance_CStarIsOne()
    {
        // With σ_b = 0 the ReLU correlation map is χ₁ f(c), f(c) = (√(1 − c²) + (π − arccos c) c)/π (Cho & Saul 2009),
        // and f(c) > c on [−1, 1): for χ₁ ≥ 1 the clamped map climbs to c = 1, its only fixed point.
        // σ_w² = 2(1 + EdgeTolerance) exactly; E[φ′²] = ½ comes out of the quadrature as ½ or one ulp off, depending on q,
        // so the start q0 (and with it q*) is chosen where χ₁(q*) is 1 + EdgeTolerance exactly.
        var sp = new SignalPropagation(Relu, 2 * (1 + Tol));
        FixedPointAnalysis? a = null;
        for (double q0 = 0.5; q0 <= 4 && a is null; q0 += 0.25)
        {
            var candidate = sp.Analyse(q0);
            if (candidate.Chi1 == 1 + Tol) a = candidate;
        }
        Assert.NotNull(a);
        Assert.Equal(1.0, a.CStar);
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

    [Theory]
    [InlineData("gelu")]
    [InlineData("silu")]
    public void FixedPointQ_ZeroAttractsButTheMapRisesFromQ0_GrowsWithoutBound(string name)
    {
        const double sigmaW2 = 3.9;
        var sp = new SignalPropagation(ActivationRegistry.Get(name), sigmaW2);
        // χ_q(0) = σ_w² φ′(0)² = 3.9 / 4: zero is an attracting fixed point…
        Assert.Equal(0.975, sp.ChiQ(0), 1e-12);
        // …but the 40-digit oracle puts σ_w² E[φ(√q z)²] above q at every q ≥ 0.1 it holds, rising toward the
        // ReLU-like σ_w²/2 = 1.95: from q0 = 1 the iterates grow without bound.
        var above = ExpectationOracle.Rows.Where(r => r.Activation == name && r.Q >= 0.1).ToArray();
        Assert.Equal(7, above.Length);
        Assert.All(above, r => Assert.True(sigmaW2 * r.Phi2 > 1.03 * r.Q, $"q = {r.Q}"));
        Assert.Equal(double.PositiveInfinity, sp.FixedPointQ(1.0));
        // At q = 0.001 the map is below the identity (ratio 0.977 in the oracle), and q0 there falls to 0.
        var low = ExpectationOracle.Rows.Single(r => r.Activation == name && r.Q == 0.001);
        Assert.True(sigmaW2 * low.Phi2 < 0.98 * low.Q);
        Assert.Equal(0.0, sp.FixedPointQ(0.001));
    }
}
