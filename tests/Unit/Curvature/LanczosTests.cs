using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class LanczosTests
{
    [Theory]
    [InlineData("tanh", "2,16,16,1", 1.0)]
    [InlineData("relu", "2,16,16,1", 2.0)]
    [InlineData("softsign", "3,5,4,1", 1.0)]
    [InlineData("gelu", "2,8,8,8,8,8,8,1", 2.0)]
    public void Run_RealHessian_AgreesWithTheDenseSpectrum(string activation, string arch, double scale)
    {
        var architecture = Architecture.Parse(arch);
        var model = Mlp.Init(architecture, ActivationRegistry.Get(activation), InitScheme.Xavier, scale, 21);
        var data = GradientGateTests.SmallData(architecture.Inputs, 21);
        var hvp = new HessianVectorProduct(architecture, data.Count);
        hvp.Prepare(model, data);
        var dense = SymmetricEigen.Decompose(DenseHessian.Compute(hvp), vectors: false);

        var result = new Lanczos(hvp.ParameterCount, hvp.ParameterCount).Run(hvp.Apply, seed: 3, tolerance: 1e-10);

        double scaleH = Math.Max(Math.Abs(dense.Max), Math.Abs(dense.Min));
        Assert.True(result.Converged);
        // Each Ritz value lies within its residual of an eigenvalue, and an extreme one from the inside.
        Assert.True(Math.Abs(result.Max - dense.Max) <= 1e-9 * scaleH, $"λ_max {result.Max} vs dense {dense.Max}");
        Assert.True(Math.Abs(result.Min - dense.Min) <= 1e-9 * scaleH, $"λ_min {result.Min} vs dense {dense.Min}");
        Assert.True(result.Max <= dense.Max + 1e-12 * scaleH && result.Min >= dense.Min - 1e-12 * scaleH);
    }

    [Fact]
    public void Run_IndefiniteHessian_ReportsTheNegativeMinimumNotTheLargestMagnitude()
    {
        // Away from a minimum the Hessian of a tanh net has negative eigenvalues; λ_min must come back negative.
        var arch = Architecture.Parse("2,16,16,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 2.0, 4);
        var data = GradientGateTests.SmallData(2, 4);
        var hvp = new HessianVectorProduct(arch, data.Count);
        hvp.Prepare(model, data);
        var dense = SymmetricEigen.Decompose(DenseHessian.Compute(hvp), vectors: false);
        Assert.True(dense.Min < 0, "the test needs an indefinite Hessian");

        var result = new Lanczos(hvp.ParameterCount, 200).Run(hvp.Apply, seed: 1);

        Assert.True(result.Min < 0);
        Assert.True(result.Max > 0);
        Assert.Equal(dense.Min, result.Min, 9);
        Assert.Equal(dense.Max, result.Max, 9);
    }

    [Fact]
    public void Run_DiagonalMatrix_FindsBothEnds()
    {
        const int n = 100;
        var diag = Enumerable.Range(0, n).Select(i => -3.0 + 0.07 * i).ToArray();
        void Apply(ReadOnlySpan<double> x, Span<double> y)
        {
            for (int i = 0; i < n; i++) y[i] = diag[i] * x[i];
        }

        var result = new Lanczos(n, n).Run(Apply, seed: 5);

        Assert.Equal(diag[^1], result.Max, 10);
        Assert.Equal(diag[0], result.Min, 10);
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameBits()
    {
        var arch = Architecture.Parse("2,3,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 4);
        var data = GradientGateTests.SmallData(2, 4);
        var hvp = new HessianVectorProduct(arch, data.Count);
        hvp.Prepare(model, data);
        var a = new Lanczos(hvp.ParameterCount, 8).Run(hvp.Apply, seed: 2);
        var b = new Lanczos(hvp.ParameterCount, 8).Run(hvp.Apply, seed: 2);
        Assert.Equal(a, b);
    }
}
