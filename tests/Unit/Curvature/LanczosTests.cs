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

    private static Lanczos.SpanAction Diagonal(double[] diag) => (x, y) =>
    {
        for (int i = 0; i < diag.Length; i++) y[i] = diag[i] * x[i];
    };

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(3, 0)]
    [InlineData(3, -2)]
    public void Constructor_NoDimensionOrNoStep_Throws(int dimension, int maxSteps)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Lanczos(dimension, maxSteps));
        Assert.Contains(dimension <= 0 ? "dimension must be positive" : "at least one step", e.Message);
    }

    [Fact]
    public void Constructor_StepBudgetAboveTheDimension_IsClippedToIt()
    {
        // Buffers for int.MaxValue steps could not be allocated; P steps already span the whole space.
        var result = new Lanczos(3, int.MaxValue).Run(Diagonal([1, -2, 5]), seed: 4);

        Assert.True(result.Converged);
        Assert.True(result.Steps <= 3);
        Assert.Equal(5.0, result.Max, 12);
        Assert.Equal(-2.0, result.Min, 12);
    }

    /// <summary>
    /// One step on diag(a, b) from the unit start q = (c, s) (the seeded standard-normal vector, normalised): the Ritz value
    /// is α = qᵀHq = ac² + bs², and the residual ‖Hq − αq‖ = |a − b|·|cs|.
    /// </summary>
    [Fact]
    public void Run_OneStepOnTwoByTwo_IsTheRayleighQuotientAndItsResidual()
    {
        const double a = 3, b = -1;
        var q = new double[2];
        GradFlow.Random.Generator.DefaultRng(6).StandardNormal(q);
        double norm = Math.Sqrt(q[0] * q[0] + q[1] * q[1]), c = q[0] / norm, s = q[1] / norm;
        double alpha = a * c * c + b * s * s, residual = Math.Abs(a - b) * Math.Abs(c * s);

        var result = new Lanczos(2, 1).Run(Diagonal([a, b]), seed: 6);

        Assert.Equal(1, result.Steps);
        Assert.False(result.Converged);
        Assert.Equal(alpha, result.Max, 14);
        Assert.Equal(alpha, result.Min, 14);
        Assert.Equal(residual, result.MaxResidual, 14);
        Assert.Equal(residual, result.MinResidual, 14);
    }

    [Fact]
    public void Run_LooseTolerance_StopsOnlyWhenBothEndsHaveConverged()
    {
        // 99 eigenvalues in [0, 1] and one outlier at 10: λ_max converges in a few steps, λ_min much later.
        var diag = Enumerable.Range(0, 99).Select(i => i / 98.0).Append(10.0).ToArray();
        const double tolerance = 1e-4;

        var result = new Lanczos(diag.Length, diag.Length).Run(Diagonal(diag), seed: 2, tolerance);

        double scale = Math.Max(Math.Abs(result.Max), Math.Abs(result.Min));
        Assert.True(result.Converged);
        Assert.True(result.Steps < diag.Length, $"{result.Steps} steps");
        Assert.True(result.MaxResidual <= tolerance * scale && result.MinResidual <= tolerance * scale, $"{result.MaxResidual}, {result.MinResidual}");
        // Each Ritz value lies within its residual of an eigenvalue, the extremes from the inside.
        Assert.InRange(result.Max, 10 - result.MaxResidual, 10 + 1e-12);
        Assert.InRange(result.Min, -1e-12, result.MinResidual + 1e-12);
    }

    [Fact]
    public void Run_StepBudgetSpent_IsNotConvergedWithItsLastRitzValues()
    {
        var diag = Enumerable.Range(0, 50).Select(i => i * 0.1).ToArray();

        var result = new Lanczos(diag.Length, 4).Run(Diagonal(diag), seed: 3, tolerance: 1e-14);

        Assert.False(result.Converged);
        Assert.Equal(4, result.Steps);
        Assert.True(result.MaxResidual > 0 && result.MinResidual > 0);
        Assert.InRange(result.Max, 4.9 - result.MaxResidual, 4.9 + 1e-12);
        Assert.InRange(result.Min, -1e-12, result.MinResidual + 1e-12);
        Assert.True(result.Max > result.Min);
    }

    [Fact]
    public void Run_NormOfTheProductOverflows_ReturnsNaNNotConverged()
    {
        // diag(1e300, −1e300): qᵀHq is finite, but ‖Hq − αq‖² overflows, so there is no residual to judge by.
        var result = new Lanczos(2, 2).Run(Diagonal([1e300, -1e300]), seed: 1);

        Assert.True(double.IsNaN(result.Max) && double.IsNaN(result.Min) && double.IsNaN(result.MaxResidual) && double.IsNaN(result.MinResidual));
        Assert.False(result.Converged);
        Assert.Equal(1, result.Steps);
    }

    [Fact]
    public void Run_OperatorScaledByAPowerOfTwo_TakesTheSameStepsToScaledResults()
    {
        // The stopping rule is relative (residuals against tolerance·max|θ|), and scaling H by 2³⁰ scales every product,
        // Ritz value and residual exactly: the run must stop at the same step with every result scaled by 2³⁰.
        var diag = Enumerable.Range(0, 100).Select(i => i / 99.0).ToArray();
        var scaled = diag.Select(x => Math.ScaleB(x, 30)).ToArray();

        var a = new Lanczos(100, 100).Run(Diagonal(diag), seed: 7, tolerance: 1e-4);
        var b = new Lanczos(100, 100).Run(Diagonal(scaled), seed: 7, tolerance: 1e-4);

        Assert.True(a.Converged && a.Steps < 100, $"{a.Steps} steps");
        Assert.Equal(a.Steps, b.Steps);
        Assert.Equal(Math.ScaleB(a.Max, 30), b.Max);
        Assert.Equal(Math.ScaleB(a.Min, 30), b.Min);
        Assert.Equal(Math.ScaleB(a.MaxResidual, 30), b.MaxResidual);
        Assert.Equal(Math.ScaleB(a.MinResidual, 30), b.MinResidual);
    }
}
