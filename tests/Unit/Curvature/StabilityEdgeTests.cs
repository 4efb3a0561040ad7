using GradFlow.Curvature;

namespace GradFlow.Tests.Unit.Curvature;

/// <summary>
/// The stability edge itself, on a model whose loss is exactly quadratic: least squares
/// L(w) = ‖Xw − y‖²/(2m), Hessian H = XᵀX/m. Gradient descent multiplies the error along the eigenvector of
/// λ by (1 − ηλ), so it converges iff η &lt; 2/λ_max (Cohen et al. 2021, §2). λ_max comes from the eigensolver.
/// </summary>
public sealed class StabilityEdgeTests
{
    private const int Rows = 50, Features = 6;

    private static (double[] X, double[] Y) Problem()
    {
        var rng = GradFlow.Random.Generator.DefaultRng(17);
        var x = new double[Rows * Features];
        var y = new double[Rows];
        rng.StandardNormal(x);
        rng.StandardNormal(y);
        return (x, y);
    }

    private static double LossAfterDescent(double[] x, double[] y, double eta, int steps)
    {
        var w = new double[Features];
        var residual = new double[Rows];
        double loss = 0;
        for (int t = 0; t <= steps; t++)
        {
            loss = 0;
            for (int r = 0; r < Rows; r++)
            {
                double s = -y[r];
                for (int k = 0; k < Features; k++) s += x[r * Features + k] * w[k];
                residual[r] = s;
                loss += s * s / (2 * Rows);
            }
            if (t == steps) break;
            for (int k = 0; k < Features; k++)
            {
                double g = 0;
                for (int r = 0; r < Rows; r++) g += x[r * Features + k] * residual[r] / Rows;
                w[k] -= eta * g;
            }
        }
        return loss;
    }

    [Fact]
    public void GradientDescent_AroundTwoOverLambdaMax_ConvergesBelowAndDivergesAbove()
    {
        var (x, y) = Problem();
        var h = new double[Features * Features];
        for (int i = 0; i < Features; i++)
            for (int j = 0; j < Features; j++)
                for (int r = 0; r < Rows; r++) h[i * Features + j] += x[r * Features + i] * x[r * Features + j] / Rows;
        var spectrum = SymmetricEigen.Decompose(h, Features, vectors: false);
        double edge = 2 / spectrum.Max;
        double optimum = LossAfterDescent(x, y, 0.5 / spectrum.Max, 20_000);

        double below = LossAfterDescent(x, y, 0.98 * edge, 3000);
        double above = LossAfterDescent(x, y, 1.02 * edge, 3000);

        // Below the edge the slowest mode shrinks by |1 − 0.98·2| = 0.96 per step: converged to the optimum.
        Assert.True(Math.Abs(below - optimum) <= 1e-9 * optimum, $"η = 0.98·2/λ_max ends at loss {below}, optimum {optimum}");
        // Above it the top mode grows by 1.04 per step: 1.04^3000 ≈ 1e51.
        Assert.True(above > 1e40 * optimum, $"η = 1.02·2/λ_max ends at loss {above}");
    }
}
