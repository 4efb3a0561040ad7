namespace GradFlow.Verification;

/// <summary>
/// Tolerances of the gate, four orders of magnitude stricter than PyTorch's gradcheck (atol 1e-5,
/// rtol 1e-3), and the finite-difference step h.
/// </summary>
/// <param name="Step">
/// The larger of the two central-difference steps (h and h/2, combined by Richardson extrapolation so
/// the truncation error is O(h⁴)); 1e-4 keeps the rounding error of the loss difference, about
/// 3ε·|L|/h, and the truncation error both far below atol for a loss of order 1. For larger losses
/// that rounding bound is added to each entry's tolerance (<see cref="ParameterCheck.NumericRounding"/>).
/// </param>
/// <param name="Context">Named in failure messages, e.g. "tanh, seed 42".</param>
public sealed record GradientCheckOptions(double Atol = 1e-9, double Rtol = 1e-6, double Step = 1e-4, string Context = "")
{
    public static GradientCheckOptions Default { get; } = new();
}
