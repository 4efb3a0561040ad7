using GradFlow.Activations;

namespace GradFlow.Theory;

/// <summary>
/// The Gaussian integrals of one activation φ that the mean-field maps need, each split at φ's kinks
/// (<see cref="GaussianExpectation"/>). z, z₁, z₂ ~ N(0, 1) independent throughout.
/// </summary>
public sealed class MeanFieldActivation
{
    public MeanFieldActivation(Activation activation, GaussianExpectation? expectation = null)
    {
        Activation = activation;
        _e = expectation ?? GaussianExpectation.Default;
        _kinks = activation.Kinks;
        _valueSquare = u => Square(Activation.Value(u));
        _slopeSquare = u => Square(Activation.Derivative(u));
    }

    private readonly GaussianExpectation _e;
    private readonly IReadOnlyList<double> _kinks;
    private readonly Func<double, double> _valueSquare, _slopeSquare; // φ(u)², φ′(u)²

    public Activation Activation { get; }

    /// <summary>E[φ(√q z)²]: the length map's integral (Poole et al. 2016, eq. 3).</summary>
    public double SecondMoment(double q) => _e.OfScaled(_valueSquare, q, _kinks);

    /// <summary>E[φ′(√q z)²]: the backward map's integral (Schoenholz et al. 2017, §4, the gradient's length).</summary>
    public double SlopeSecondMoment(double q)
    {
        // At q = 0 the integrand is φ′(0)², a convention for ReLU's slope at its kink; the q → 0⁺ limit is the map's value.
        return _e.OfScaled(_slopeSquare, Math.Max(q, TinyVariance), _kinks);
    }

    /// <summary>
    /// (<see cref="SecondMoment"/>, <see cref="SlopeSecondMoment"/>) at one q, each the very number those give:
    /// from one pass over the nodes where both integrals see the same q (q ≥ 10⁻²⁸⁰), else from the two.
    /// </summary>
    public (double SecondMoment, double SlopeSecondMoment) Moments(double q) =>
        // Stryker disable once all : both branches give the same bits (Moments_AnyQ_TheSameBitsAsEachIntegralAlone), and q = ∞ throws the same exception on either
        q >= TinyVariance && !double.IsInfinity(q) ? _e.OfScaledBoth(_valueSquare, _slopeSquare, q, _kinks) : (SecondMoment(q), SlopeSecondMoment(q));

    /// <summary>
    /// d/dq E[φ(√q z)²] = E[z φ(√q z) φ′(√q z)]/√q, which Gaussian integration by parts turns into
    /// E[φ′² + φφ″] (the bracket of Schoenholz et al. 2017's ξ_q); this form needs no φ″.
    /// </summary>
    public double SecondMomentSlope(double q)
    {
        q = Math.Max(q, TinyVariance);
        double root = Math.Sqrt(q);
        return _e.Of(z => z * Activation.Value(root * z) * Activation.Derivative(root * z), KinkCuts(root)) / root;
    }

    /// <summary>E[φ(u₁)φ(u₂)] for u₁, u₂ of variance q and correlation c (Poole et al. 2016, eq. 5).</summary>
    public double Covariance(double q, double c) => _e.OfPair(Activation.Value, _kinks, Activation.Value, _kinks, q, q, c);

    /// <summary>E[φ′(u₁)φ′(u₂)] for u₁, u₂ of variance q and correlation c (Schoenholz et al. 2017, ξ_c).</summary>
    public double SlopeCovariance(double q, double c) =>
        _e.OfPair(Activation.Derivative, _kinks, Activation.Derivative, _kinks, Math.Max(q, TinyVariance), Math.Max(q, TinyVariance), c);

    /// <summary>E[σ(√q z)²] for the logistic output unit: the expected squared output delta (σ(u) − y)² for either label.</summary>
    // Stryker disable once CollectionExpression : `[]` → `[default]` adds a kink at 0, and 0 is always a cut already (GaussianExpectation.Cuts)
    public double OutputDeltaSquare(double q) => _e.OfScaled(u => Square(GradFlow.Numerics.SpecialFunctions.Sigmoid(u)), q, []);

    // Below this a variance is the limit q → 0⁺ (its square root is still a normal double).
    private const double TinyVariance = 1e-280;

    private double[] KinkCuts(double root) => _kinks.Select(k => k / root).ToArray();

    private static double Square(double x) => x * x;
}
