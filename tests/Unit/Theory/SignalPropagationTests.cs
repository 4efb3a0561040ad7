using GradFlow.Activations;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

public sealed class SignalPropagationTests
{
    private static readonly Activation Relu = ActivationRegistry.Get("relu");
    private static readonly Activation Tanh = ActivationRegistry.Get("tanh");
    private static readonly Activation ErfPhi = Activation<Erf>.Instance;

    private static void Near(double expected, double actual, double rel, string what) =>
        Assert.True(Math.Abs(actual - expected) <= rel * Math.Abs(expected), $"{what}: {actual:R} vs {expected:R}");

    [Theory]
    [InlineData(0.5, 0.0, 0.3)]
    [InlineData(2.0, 0.0, 1.7)]
    [InlineData(1.3, 0.2, 4.0)]
    public void Maps_Relu_AreTheClosedForms(double sigmaW2, double sigmaB2, double q)
    {
        var sp = new SignalPropagation(Relu, sigmaW2, sigmaB2);
        Near(sigmaW2 * q / 2 + sigmaB2, sp.LengthMap(q), 1e-14, "q map");
        Near(sigmaW2 / 2, sp.Chi1(q), 1e-15, "χ₁ = σ_w²/2");
        Near(sigmaW2 / 2, sp.ChiQ(q), 1e-13, "χ_q = σ_w²/2");
        foreach (double c in new[] { -0.7, 0.0, 0.4, 0.95 })
        {
            // Cho & Saul (2009): E[relu(u₁)relu(u₂)] = q/(2π)(sin θ + (π − θ)cos θ), θ = arccos c.
            double theta = Math.Acos(c);
            double expected = (sigmaW2 * q / (2 * Math.PI) * (Math.Sin(theta) + (Math.PI - theta) * c) + sigmaB2) / q;
            Near(expected, sp.CorrelationMap(c, q), 1e-11, $"c map at {c}");
            Near(sigmaW2 * (Math.PI - theta) / (2 * Math.PI), sp.ChiC(c, q), 1e-11, $"χ_c at {c}");
        }
    }

    [Fact]
    public void Analyse_Relu_EdgeAtSigmaW2Two()
    {
        var edge = new SignalPropagation(Relu, 2.0).Analyse(q0: 0.8);
        Assert.Equal(Phase.Edge, edge.Phase);
        Near(0.8, edge.QStar, 1e-13, "every q is fixed at σ_w² = 2");
        Assert.True(double.IsPositiveInfinity(edge.XiC));

        var ordered = new SignalPropagation(Relu, 1.0).Analyse();
        Assert.Equal(Phase.Ordered, ordered.Phase);
        Assert.Equal(0.0, ordered.QStar);
        Near(0.5, ordered.Chi1, 1e-15, "χ₁");
        Near(-1 / Math.Log(0.5), ordered.XiC, 1e-13, "ξ_c = −1/ln χ₁ at c* = 1");

        var chaotic = new SignalPropagation(Relu, 3.0).Analyse();
        Assert.Equal(Phase.Chaotic, chaotic.Phase);
        Assert.True(double.IsPositiveInfinity(chaotic.QStar));
    }

    [Fact]
    public void Analyse_ReluWithBias_FixedPointIsTheGeometricSeries()
    {
        // q* = σ_b² + (σ_w²/2) q*, so q* = σ_b²/(1 − σ_w²/2); ξ_q = −1/ln(σ_w²/2).
        var a = new SignalPropagation(Relu, 1.5, 0.1).Analyse();
        Near(0.1 / (1 - 0.75), a.QStar, 1e-12, "q*");
        Near(-1 / Math.Log(0.75), a.XiQ, 1e-10, "ξ_q");
        Assert.Equal(1.0, a.CStar);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Maps_Erf_AreTheArcsineClosedForms(double q)
    {
        const double sigmaW2 = 1.7, sigmaB2 = 0.05;
        var sp = new SignalPropagation(ErfPhi, sigmaW2, sigmaB2);
        // Williams (1997): E[erf(√q z)²] = (2/π) arcsin(2q/(1 + 2q)); E[erf′²] = (4/π)/√(1 + 4q).
        Near(sigmaW2 * 2 / Math.PI * Math.Asin(2 * q / (1 + 2 * q)) + sigmaB2, sp.LengthMap(q), 1e-12, "q map");
        Near(sigmaW2 * 4 / Math.PI / Math.Sqrt(1 + 4 * q), sp.Chi1(q), 1e-12, "χ₁");
        // d/dq of the length map: 4σ_w²/(π(1 + 2q)√(1 + 4q)).
        Near(sigmaW2 * 4 / (Math.PI * (1 + 2 * q) * Math.Sqrt(1 + 4 * q)), sp.ChiQ(q), 1e-12, "χ_q");
        foreach (double c in new[] { -0.5, 0.3, 0.9 })
        {
            Near((sigmaW2 * 2 / Math.PI * Math.Asin(2 * q * c / (1 + 2 * q)) + sigmaB2) / q, sp.CorrelationMap(c, q), 1e-11, $"c map at {c}");
            // E[erf′(u₁)erf′(u₂)] = (4/π)/√((1 + 2q)² − 4q²c²).
            Near(sigmaW2 * 4 / Math.PI / Math.Sqrt((1 + 2 * q) * (1 + 2 * q) - 4 * q * q * c * c), sp.ChiC(c, q), 1e-11, $"χ_c at {c}");
        }
    }

    [Theory]
    [InlineData("tanh", 0.6)]
    [InlineData("softsign", 2.5)]
    [InlineData("elu", 1.1)]
    [InlineData("arctan", 0.05)]
    public void ChiQ_AnyActivation_IsTheLengthMapsDerivative(string activation, double q)
    {
        // Central difference of the length map, whose integral is checked against mpmath: error O(h²) ≈ 1e-10.
        var sp = new SignalPropagation(ActivationRegistry.Get(activation), 1.3);
        double h = 1e-5 * q;
        double fd = (sp.LengthMap(q + h) - sp.LengthMap(q - h)) / (2 * h);
        Near(fd, sp.ChiQ(q), 1e-8, "χ_q against the finite difference");
    }

    [Fact]
    public void Analyse_Tanh_OrderedBelowOneChaoticAbove()
    {
        var ordered = new SignalPropagation(Tanh, 0.8).Analyse();
        Assert.Equal(Phase.Ordered, ordered.Phase);
        Assert.Equal(0.0, ordered.QStar);
        Near(0.8, ordered.Chi1, 1e-12, "χ₁ = σ_w² φ′(0)² at q* = 0");

        // σ_w = 1, σ_b = 0 is the critical point itself: q^l → 0 only like 1/l, and χ₁ → φ′(0)² = 1.
        var critical = new SignalPropagation(Tanh, 1.0).Analyse();
        Assert.Equal(Phase.Edge, critical.Phase);
        Assert.Equal(0.0, critical.QStar);

        var chaotic = new SignalPropagation(Tanh, 2.0).Analyse();
        Assert.Equal(Phase.Chaotic, chaotic.Phase);
        var sp = new SignalPropagation(Tanh, 2.0);
        Near(chaotic.QStar, sp.LengthMap(chaotic.QStar), 1e-12, "q* is fixed");
        // σ_b = 0 and φ odd: c = 0 is the stable fixed point of the chaotic phase, where χ_c = σ_w² E[φ′]².
        Assert.True(Math.Abs(chaotic.CStar) <= 1e-10, $"c* {chaotic.CStar}");
        Assert.True(chaotic.ChiC < 1 && chaotic.XiC > 0, $"χ_c {chaotic.ChiC}");
    }

    [Fact]
    public void EdgeOfChaos_Erf_IsTheClosedForm()
    {
        // χ₁ = 1 at q*: σ_w² = π√(1 + 4q*)/4, and σ_b² = q* − σ_w²(2/π) arcsin(2q*/(1 + 2q*)).
        var curve = EdgeOfChaos.Curve(ErfPhi, points: 12, qMin: 0.01, qMax: 10);
        Assert.NotEmpty(curve);
        foreach (var p in curve)
        {
            double w2 = Math.PI * Math.Sqrt(1 + 4 * p.QStar) / 4;
            double b2 = p.QStar - w2 * 2 / Math.PI * Math.Asin(2 * p.QStar / (1 + 2 * p.QStar));
            Near(Math.Sqrt(w2), p.SigmaW, 1e-12, $"σ_w at q* {p.QStar}");
            Near(Math.Sqrt(b2), p.SigmaB, 1e-10, $"σ_b at q* {p.QStar}");
        }
    }

    [Fact]
    public void EdgeOfChaos_Relu_IsTheSinglePointRootTwoZero()
    {
        var curve = EdgeOfChaos.Curve(Relu, points: 8);
        Assert.Equal(8, curve.Count);
        Assert.All(curve, p => { Near(Math.Sqrt(2), p.SigmaW, 1e-15, "σ_w"); Assert.True(p.SigmaB <= 1e-6, $"σ_b {p.SigmaB}"); });
    }

    [Fact]
    public void EdgeOfChaos_Tanh_StartsAtOneZeroAndEveryPointHasChiOne()
    {
        var curve = EdgeOfChaos.Curve(Tanh, points: 10, qMin: 1e-4, qMax: 10);
        Assert.True(Math.Abs(curve[0].SigmaW - 1) < 1e-3 && curve[0].SigmaB < 1e-2, $"first point ({curve[0].SigmaW}, {curve[0].SigmaB})");
        foreach (var p in curve)
        {
            var sp = new SignalPropagation(Tanh, p.SigmaW * p.SigmaW, p.SigmaB * p.SigmaB);
            Near(1.0, sp.Chi1(p.QStar), 1e-12, "χ₁ on the edge");
            Near(p.QStar, sp.LengthMap(p.QStar), 1e-12, "q* fixed on the edge");
        }
        // σ_w and σ_b both grow along the curve (Poole et al. 2016, Fig. 2).
        for (int i = 1; i < curve.Count; i++) Assert.True(curve[i].SigmaW > curve[i - 1].SigmaW && curve[i].SigmaB > curve[i - 1].SigmaB);
    }
}
