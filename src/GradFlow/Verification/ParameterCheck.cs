namespace GradFlow.Verification;

/// <summary>
/// The two sides of the check for one parameter. A kink-crossing parameter (its ±h perturbation
/// moves some pre-activation across a kink of φ) has no derivative to compare: it is counted, not judged.
/// </summary>
public sealed record ParameterCheck(ParameterId Id, double Analytic, double Numeric, bool CrossesKink)
{
    public double AbsoluteError => Math.Abs(Analytic - Numeric);

    public double RelativeError => AbsoluteError / Math.Max(Math.Abs(Numeric), double.Epsilon);

    public double Tolerance(GradientCheckOptions options) => options.Atol + options.Rtol * Math.Abs(Numeric);

    /// <summary>|a − n| ≤ atol + rtol·|n| (NaN on either side fails).</summary>
    public bool Passes(GradientCheckOptions options) => CrossesKink || AbsoluteError <= Tolerance(options);

    /// <summary>How far past its tolerance this entry is (≤ 1 passes): the order for "worst".</summary>
    public double Excess(GradientCheckOptions options) => double.IsNaN(AbsoluteError) ? double.PositiveInfinity : AbsoluteError / Tolerance(options);
}
