using GradFlow.Activations;

namespace GradFlow.Theory;

/// <summary>
/// Mean-field signal propagation through a deep network whose weights are N(0, σ_w²/N) and biases
/// N(0, σ_b²), in the limit of infinite width (Poole et al. 2016; Schoenholz et al. 2017):
/// <list type="bullet">
/// <item>length map q ↦ σ_w² E[φ(√q z)²] + σ_b² (Poole et al. 2016, eq. 3), fixed point q*;</item>
/// <item>χ₁ = σ_w² E[φ′(√q* z)²], the slope of the correlation map at c = 1 and the factor by which
/// ‖δ‖² shrinks or grows per layer (Schoenholz et al. 2017, §3 and §4);</item>
/// <item>correlation map c ↦ (σ_w² E[φ(u₁)φ(u₂)] + σ_b²)/q* (Poole et al. 2016, eq. 5), fixed point c*;</item>
/// <item>depth scales (Schoenholz et al. 2017, §3): ξ_q⁻¹ = −ln χ_q with χ_q = σ_w² E[φ′² + φφ″] = dq′/dq at q*,
/// and ξ_c⁻¹ = −ln χ_c with χ_c = σ_w² E[φ′(u₁)φ′(u₂)] at c*; at c* = 1, χ_c = χ₁, and ξ_c diverges at the edge.</item>
/// </list>
/// </summary>
public sealed class SignalPropagation
{
    public SignalPropagation(MeanFieldActivation phi, double sigmaW2, double sigmaB2 = 0)
    {
        if (!(sigmaW2 > 0) || double.IsInfinity(sigmaW2)) throw new ArgumentOutOfRangeException(nameof(sigmaW2), sigmaW2, "σ_w² must be a finite number > 0");
        if (!(sigmaB2 >= 0) || double.IsInfinity(sigmaB2)) throw new ArgumentOutOfRangeException(nameof(sigmaB2), sigmaB2, "σ_b² must be a finite number >= 0");
        Phi = phi;
        SigmaW2 = sigmaW2;
        SigmaB2 = sigmaB2;
    }

    public SignalPropagation(Activation activation, double sigmaW2, double sigmaB2 = 0) : this(new MeanFieldActivation(activation), sigmaW2, sigmaB2) { }

    public MeanFieldActivation Phi { get; }
    public double SigmaW2 { get; }
    public double SigmaB2 { get; }

    /// <summary>|χ₁ − 1| at or below which a network counts as at the edge of chaos.</summary>
    public const double EdgeTolerance = 1e-9;

    /// <summary>q^{l+1} from q^l.</summary>
    public double LengthMap(double q) => SigmaW2 * Phi.SecondMoment(q) + SigmaB2;

    /// <summary>χ₁ at length q: σ_w² E[φ′(√q z)²].</summary>
    public double Chi1(double q) => SigmaW2 * Phi.SlopeSecondMoment(q);

    /// <summary>χ_q = dq^{l+1}/dq^l at q.</summary>
    public double ChiQ(double q) => SigmaW2 * Phi.SecondMomentSlope(q);

    /// <summary>c^{l+1} from c^l at the length q (q &gt; 0).</summary>
    public double CorrelationMap(double c, double q) => (SigmaW2 * Phi.Covariance(q, c) + SigmaB2) / q;

    /// <summary>χ_c at correlation c and length q: σ_w² E[φ′(u₁)φ′(u₂)].</summary>
    public double ChiC(double c, double q) => SigmaW2 * Phi.SlopeCovariance(q, c);

    /// <summary>
    /// The length map iterated from <paramref name="q0"/> to its fixed point: 0 where it contracts to 0
    /// (σ_b = 0 and χ_q(0) &lt; 1 with q0 in the basin of 0), +∞ where it grows without bound (ReLU with
    /// σ_w² &gt; 2; GELU with σ_w² in about (2.4, 4) from q0 = 1, although 0 attracts there too).
    /// </summary>
    public double FixedPointQ(double q0 = 1.0)
    {
        // With σ_b = 0 and φ(0) = 0, q = 0 is a fixed point of slope χ_q(0⁺): attracting below 1, marginal at 1
        // (tanh at σ_w = 1: q^l → 0 only like 1/l, which iterating cannot reach). Attracting is local: GELU and
        // SiLU at σ_w² just below 4 have χ_q(0) < 1 yet grow without bound from q0 = 1, so q0 is always iterated.
        bool zeroIsFixed = SigmaB2 == 0 && Phi.Activation.Value(0) == 0;
        double q = q0;
        for (int i = 0; i < 20_000; i++)
        {
            double next = LengthMap(q);
            if (next > 1e12) return double.PositiveInfinity;
            if (next < 1e-250) return 0;
            if (Math.Abs(next - q) <= 1e-14 * next) return next;
            q = next;
        }
        return zeroIsFixed && ChiQ(0) <= 1 + EdgeTolerance && LengthMap(q) < q ? 0 : q;
    }

    /// <summary>The stable fixed point of the correlation map at length q*: 1 in the ordered phase, below 1 in the chaotic one.</summary>
    public double FixedPointC(double qStar)
    {
        if (!(qStar > 0) || double.IsInfinity(qStar)) return double.NaN;
        if (Chi1(qStar) <= 1 + EdgeTolerance) return 1.0;
        double c = 0;
        for (int i = 0; i < 1000; i++)
        {
            double next = Math.Clamp(CorrelationMap(c, qStar), -1, 1);
            if (Math.Abs(next - c) <= 1e-12) return next;
            c = next;
        }
        return c;
    }

    public static Phase Classify(double chi1) =>
        // Stryker disable once Equality : no tie: χ − 1 is exact on [½, 2] and a multiple of 2⁻⁵³ there, the double 1e-9 is not; `χ < 1` → `≤` adds only χ = 1, already the edge
        Math.Abs(chi1 - 1) <= EdgeTolerance ? Phase.Edge : chi1 < 1 ? Phase.Ordered : Phase.Chaotic;

    /// <summary>q*, χ₁, χ_q, c*, χ_c, ξ_q, ξ_c and the phase.</summary>
    public FixedPointAnalysis Analyse(double q0 = 1.0)
    {
        double qStar = FixedPointQ(q0);
        if (double.IsPositiveInfinity(qStar))
        {
            // No finite q*: the phase still follows χ₁ where it does not depend on q (ReLU: χ₁ = σ_w²/2 for every q).
            double chiAny = Chi1(q0);
            return new FixedPointAnalysis(SigmaW2, SigmaB2, qStar, chiAny, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, Classify(chiAny));
        }
        double chi1 = Chi1(qStar);
        double chiQ = ChiQ(qStar);
        double cStar = qStar > 0 ? FixedPointC(qStar) : 1.0;
        double chiC = cStar == 1.0 ? chi1 : ChiC(cStar, qStar);
        return new FixedPointAnalysis(SigmaW2, SigmaB2, qStar, chi1, chiQ, cStar, chiC, DepthScale(chiQ), DepthScale(chiC), Classify(chi1));
    }

    /// <summary>ξ = −1/ln χ: the depth over which a deviation decays by e (∞ at χ = 1; for χ &gt; 1 the growth scale, negative).</summary>
    // Stryker disable once Equality : no tie: χ − 1 is exact on [½, 2] and a multiple of 2⁻⁵³ there, the double 1e-9 is not
    public static double DepthScale(double chi) => Math.Abs(chi - 1) <= EdgeTolerance ? double.PositiveInfinity : -1 / Math.Log(chi);
}
