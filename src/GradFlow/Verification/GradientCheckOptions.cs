namespace GradFlow.Verification;

/// <summary>
/// Tolerances of the gate, four orders of magnitude stricter than PyTorch's gradcheck (atol 1e-5,
/// rtol 1e-3), and the finite-difference step h.
/// </summary>
/// <param name="Step">
/// The larger of the two central-difference steps (h and h/2, combined by Richardson extrapolation so
/// the truncation error is O(h⁴)). The rounding error of the loss difference, at most 4ε·|L|/h
/// (<see cref="NumericalGradient.Derivative"/>), grows as h shrinks: a step that lets it exceed
/// <paramref name="Atol"/> is refused (<see cref="GradientChecker.SmallestStep(double, double)"/>),
/// because a tolerance widened by it could pass any gradient. Null means automatic:
/// <see cref="DefaultStep"/>, raised to twice the smallest valid step for a large loss.
/// </param>
/// <param name="Context">Named in failure messages, e.g. "tanh, seed 42".</param>
public sealed record GradientCheckOptions(double Atol = 1e-9, double Rtol = 1e-6, double? Step = null, string Context = "")
{
    /// <summary>The automatic step for a loss of order 1: rounding about 4e-12 and O(h⁴) truncation both far below atol.</summary>
    public const double DefaultStep = 1e-4;

    public static GradientCheckOptions Default { get; } = new();
}
