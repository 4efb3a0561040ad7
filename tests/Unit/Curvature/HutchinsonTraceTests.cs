using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class HutchinsonTraceTests
{
    [Fact]
    public void Estimate_RealHessian_LiesWithinFourStandardErrorsOfTheExactTrace()
    {
        var arch = Architecture.Parse("2,16,16,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 6);
        var data = GradientGateTests.SmallData(2, 6);
        var hvp = new HessianVectorProduct(arch, data.Count);
        hvp.Prepare(model, data);
        var h = DenseHessian.Compute(hvp);

        var estimate = new HutchinsonTrace(hvp.ParameterCount).Estimate(hvp.Apply, probes: 400, seed: 11);

        // Monte Carlo oracle: the estimate is a mean of 400 independent samples, so |mean − tr H| ≤ 4 SE
        // fails with probability < 1e-4; and the SE agrees with the exact per-probe variance 2·Σ_{i≠j} H_ij².
        Assert.True(Math.Abs(estimate.Mean - h.Trace) <= 4 * estimate.StandardError, $"estimate {estimate.Mean} ± {estimate.StandardError}, exact {h.Trace}");
        double offDiagonal = 0;
        for (int i = 0; i < h.Size; i++)
            for (int j = 0; j < h.Size; j++)
                if (i != j) offDiagonal += h[i, j] * h[i, j];
        double exactSe = Math.Sqrt(2 * offDiagonal / estimate.Probes);
        Assert.InRange(estimate.StandardError / exactSe, 0.8, 1.2);
    }

    [Fact]
    public void Estimate_DiagonalMatrix_IsExact()
    {
        // zᵀDz = Σ d_i for every ±1 vector z: no variance at all.
        var d = new[] { 1.5, -2.0, 0.25, 4.0 };
        void Apply(ReadOnlySpan<double> x, Span<double> y)
        {
            for (int i = 0; i < d.Length; i++) y[i] = d[i] * x[i];
        }
        var estimate = new HutchinsonTrace(4).Estimate(Apply, probes: 5, seed: 1);
        Assert.Equal(3.75, estimate.Mean);
        Assert.Equal(0.0, estimate.StandardError);
    }
}
