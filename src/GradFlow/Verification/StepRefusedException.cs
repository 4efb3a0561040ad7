using System.Globalization;

namespace GradFlow.Verification;

/// <summary>
/// A finite-difference step too small for the requested atol: the numeric side's rounding bound
/// 4ε·|L|/h would exceed atol, so the check could no longer fail a wrong gradient.
/// </summary>
public sealed class StepRefusedException(double step, double smallestStep, double loss, double atol)
    : ArgumentOutOfRangeException(nameof(step), step, Describe(step, smallestStep, loss, atol))
{
    public double Step { get; } = step;

    /// <summary>The smallest step the gate accepts for this loss and atol (+∞ when none is valid).</summary>
    public double SmallestStep { get; } = smallestStep;

    public double Loss { get; } = loss;

    private static string Describe(double step, double smallest, double loss, double atol) =>
        double.IsFinite(smallest)
            ? string.Create(CultureInfo.InvariantCulture,
                $"step {step:G3} lets the central difference's rounding error 4ε·|L|/h (L = {loss:G4}) reach {NumericalGradient.RoundingBound(loss, step):G3}, above atol {atol:G3}, so the check could pass a wrong gradient; valid steps are h >= {smallest:G3}")
            : string.Create(CultureInfo.InvariantCulture,
                $"no step is valid: the rounding error 4ε·|L|/h (L = {loss:G4}) cannot stay below atol {atol:G3}; expected atol > 0 and a finite loss");
}
