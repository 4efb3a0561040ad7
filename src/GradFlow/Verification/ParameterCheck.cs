namespace GradFlow.Verification;

/// <summary>
/// The two sides of the check for one parameter. A kink-crossing parameter (its ±h perturbation
/// moves some pre-activation across a kink of φ) has no derivative to compare: it is counted, not judged.
/// <see cref="NumericRounding"/> bounds the numerical side's own rounding error (≈ 3ε|L|/h, see
/// <see cref="NumericalGradient.Derivative"/>); it joins the tolerance so that a large loss cannot fail a right gradient,
/// but never by more than atol, so that no step can widen the tolerance past 2·atol + rtol·|numeric|.
/// </summary>
public sealed record ParameterCheck(ParameterId Id, double Analytic, double Numeric, bool CrossesKink, double NumericRounding = 0)
{
    public double AbsoluteError => Math.Abs(Analytic - Numeric);

    public double RelativeError => AbsoluteError / Math.Max(Math.Abs(Numeric), double.Epsilon);

    /// <summary>atol + rtol·|numeric| + the numerical side's rounding bound, capped at atol.</summary>
    public double Tolerance(GradientCheckOptions options) => options.Atol + options.Rtol * Math.Abs(Numeric) + AppliedRounding(options);

    /// <summary>The share of the rounding bound the tolerance takes: all of it, up to atol.</summary>
    public double AppliedRounding(GradientCheckOptions options) => Math.Min(NumericRounding, options.Atol);

    /// <summary>|a − n| ≤ tolerance (NaN on either side fails).</summary>
    public bool Passes(GradientCheckOptions options) => CrossesKink || AbsoluteError <= Tolerance(options);

    /// <summary>How far past its tolerance this entry is (≤ 1 passes): the order for "worst".</summary>
    public double Excess(GradientCheckOptions options) => double.IsNaN(AbsoluteError) ? double.PositiveInfinity : AbsoluteError / Tolerance(options);
}
