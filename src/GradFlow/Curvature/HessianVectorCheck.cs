using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Curvature;

/// <summary>
/// The HVP gate: H·v from the R-operator against central differences of the analytical gradient along v,
/// D(t) = (∇L(θ + tv) − ∇L(θ − tv))/2t at t and t/2, combined by Richardson extrapolation
/// (4·D(t/2) − D(t))/3, whose truncation error is t⁴/480·|∂⁵∇L/∂t⁵|. The gradient is the one the
/// gradient gate proves, so an HVP that passes is proven against an independent route to the same number.
/// A direction whose probes move some hidden pre-activation across a kink of φ has no second derivative
/// to compare along it: it is reported as kink-crossing, not judged.
/// </summary>
public static class HessianVectorCheck
{
    private const double UnitRoundoff = 1.1102230246251565e-16; // 2^−53

    /// <param name="options">Atol and Rtol as for gradients; Step is the Euclidean length t·‖v‖ of the largest probe.</param>
    public static HessianVectorCheckReport Check(Mlp model, Dataset data, ReadOnlySpan<double> direction, GradientCheckOptions options) =>
        Check(model, data, direction, options, RPassFault.None);

    internal static HessianVectorCheckReport Check(Mlp model, Dataset data, ReadOnlySpan<double> direction, GradientCheckOptions options, RPassFault fault)
    {
        var hvp = new HessianVectorProduct(model.Architecture, data.Count, fault);
        var layout = hvp.Layout;
        if (direction.Length != layout.Count) throw new ArgumentException($"a direction of {direction.Length} values for {layout.Count} parameters");
        double norm = Math.Sqrt(Numerics.Kernels.Dot(direction, direction));
        if (!(norm > 0) || !double.IsFinite(norm)) throw new ArgumentException("the direction must be finite and non-zero");
        hvp.Prepare(model, data);
        var analytic = new double[layout.Count];
        hvp.Apply(direction, analytic);

        var probe = new GradientProbe(model, data);
        double t = (options.Step ?? GradientCheckOptions.DefaultStep) / norm;
        var gPlus = probe.At(direction, t);
        var gMinus = probe.At(direction, -t);
        var gPlusHalf = probe.At(direction, t / 2);
        var gMinusHalf = probe.At(direction, -t / 2);
        var scale = probe.RoundingScale();
        var entries = new ParameterCheck[layout.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            double dT = (gPlus[i] - gMinus[i]) / (2 * t);
            double dHalf = (gPlusHalf[i] - gMinusHalf[i]) / t;
            // Each probe's gradient entry carries a rounding error of at most c·u·S_i, S_i the sum of the
            // magnitudes of the terms it adds (|a|ᵀ|δ| or Σ|δ|); D(t/2) errs by 2cuS/t, D(t) by cuS/t, the
            // extrapolation by (4·2 + 1)/3·cuS/t = 3cuS/t. c = 4·(layers + 1) covers the roundings of a, δ
            // and the products along the chain (each term of the sum is itself a product of ≈ 2 per layer).
            double rounding = 3 * 4 * (layout.Architecture.LayerCount + 1) * UnitRoundoff * scale[i] / t;
            entries[i] = new ParameterCheck(layout.Id(i), analytic[i], (4 * dHalf - dT) / 3, probe.CrossedKink, rounding);
        }
        return new HessianVectorCheckReport(entries, options);
    }
}
