using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Curvature;

/// <summary>The whole Hessian of the mean BCE, one exact H·e_i per column, for models up to <see cref="MaxParameters"/> parameters.</summary>
public static class DenseHessian
{
    /// <summary>The largest model the dense path takes: P² doubles to store and ≈ (4/3)P³ flops to diagonalise (seconds at 2048).</summary>
    public const int MaxParameters = 2048;

    private const double UnitRoundoff = 1.1102230246251565e-16; // 2^−53

    /// <summary>H at the model's parameters over all rows of <paramref name="data"/>.</summary>
    public static HessianMatrix Compute(Mlp model, Dataset data)
    {
        if (model.ParameterCount > MaxParameters)
            // Stryker disable once Statement : without it Compute(hvp) refuses the same model with the same exception and message, after a prepare that changes nothing (docs/mutation-survivors.md)
            throw new ArgumentException($"the model has {model.ParameterCount} parameters; the dense Hessian takes at most {MaxParameters} (use Lanczos for larger models)");
        var hvp = new HessianVectorProduct(model.Architecture, data.Count);
        hvp.Prepare(model, data);
        return Compute(hvp);
    }

    /// <summary>
    /// H from a prepared product; throws <see cref="ArgumentException"/> if an entry is not finite (the passes overflow at these
    /// parameters) and <see cref="InvalidOperationException"/> if H − Hᵀ is above rounding level (a sign of a broken product, never of the model).
    /// </summary>
    public static HessianMatrix Compute(HessianVectorProduct hvp)
    {
        int p = hvp.ParameterCount;
        if (p > MaxParameters)
            throw new ArgumentException($"the model has {p} parameters; the dense Hessian takes at most {MaxParameters} (use Lanczos for larger models)");
        var h = new double[p * p];
        var e = new double[p];
        var column = new double[p];
        for (int j = 0; j < p; j++)
        {
            e[j] = 1.0;
            hvp.Apply(e, column);
            e[j] = 0.0;
            for (int i = 0; i < p; i++) h[i * p + j] = column[i];
        }
        double asymmetry = 0, scale = 0;
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
            {
                // Overflow in the passes (huge weights), not a broken product: say so rather than fail the symmetry check with NaN.
                if (!double.IsFinite(h[i * p + j]))
                    throw new ArgumentException($"the Hessian is not finite at these parameters: H[{i},{j}] = {h[i * p + j].ToString(System.Globalization.CultureInfo.InvariantCulture)} (the forward or R-pass overflows)");
                asymmetry = Math.Max(asymmetry, Math.Abs(h[i * p + j] - h[j * p + i]));
                scale = Math.Max(scale, Math.Abs(h[i * p + j]));
            }
        // Exact H is symmetric; the two routes to H_ij and H_ji differ only by the roundings of their sums.
        // Each entry is a sum over the batch and the units of products of about 2 per layer, so the gap stays
        // within a few thousand ulps of the largest entry; 2^20·u ≈ 1e-10 relative leaves a wide margin and
        // still catches any missing or misplaced term, which moves entries by O(scale).
        double bound = (1 << 20) * UnitRoundoff * Math.Max(scale, double.Epsilon);
        if (!(asymmetry <= bound))
            throw new InvalidOperationException($"the Hessian is not symmetric to rounding: max |H_ij − H_ji| = {asymmetry:G3} > {bound:G3} (max |H_ij| = {scale:G3})");
        for (int i = 0;
            // Stryker disable once Equality : at i = p the inner loop (j from p + 1) does not run (docs/mutation-survivors.md)
            i < p; i++)
            for (int j = i + 1; j < p; j++)
            {
                double s = 0.5 * (h[i * p + j] + h[j * p + i]);
                h[i * p + j] = s;
                h[j * p + i] = s;
            }
        return new HessianMatrix(p, h, asymmetry);
    }
}
