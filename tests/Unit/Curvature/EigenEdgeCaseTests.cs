using GradFlow.Curvature;

namespace GradFlow.Tests.Unit.Curvature;

/// <summary>The eigensolvers at their edges: zero and scalar matrices, closed-form 2 × 2, repeated eigenvalues, and Lanczos on an invariant Krylov space.</summary>
public sealed class EigenEdgeCaseTests
{
    private const double UnitRoundoff = 1.1102230246251565e-16;

    // Q·diag(λ)·Qᵀ with Q = I − 2uuᵀ/‖u‖² (a Householder reflector: exactly orthogonal in exact arithmetic, simple to write out).
    private static double[] WithSpectrum(double[] lambda, double[] u)
    {
        int n = lambda.Length;
        double uu = u.Sum(x => x * x);
        var q = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) q[i * n + j] = (i == j ? 1 : 0) - 2 * u[i] * u[j] / uu;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) a[i * n + j] += q[i * n + k] * lambda[k] * q[j * n + k];
        return a;
    }

    private static Lanczos.SpanAction Dense(double[] a, int n) => (x, y) =>
    {
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i * n + j] * x[j];
            y[i] = s;
        }
    };

    [Fact]
    public void Decompose_OneByOne_IsTheEntry()
    {
        var e = SymmetricEigen.Decompose([-2.5], 1, vectors: true);
        Assert.Equal([-2.5], e.Values);
        Assert.Equal(1.0, Math.Abs(e.Vector(0, 0)));
    }

    [Fact]
    public void Decompose_ZeroMatrix_IsAllZeros()
    {
        var e = SymmetricEigen.Decompose(new double[36], 6, vectors: true);
        Assert.All(e.Values, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Decompose_TwoByTwo_GivesTheClosedForm()
    {
        // [[a, b], [b, c]]: (a + c)/2 ± √(((a − c)/2)² + b²).
        const double a = 1.5, b = -0.75, c = -0.25;
        double mid = (a + c) / 2, radius = Math.Sqrt(Math.Pow((a - c) / 2, 2) + b * b);
        var values = SymmetricEigen.Decompose([a, b, b, c], 2, vectors: false).Values;
        Assert.True(Math.Abs(values[0] - (mid - radius)) <= 8 * UnitRoundoff * 2, $"{values[0]}");
        Assert.True(Math.Abs(values[1] - (mid + radius)) <= 8 * UnitRoundoff * 2, $"{values[1]}");
    }

    [Fact]
    public void Decompose_RepeatedEigenvalues_ReturnsEachWithItsMultiplicity()
    {
        double[] lambda = [2, -1, 2, 0.5, 2, -1, 0.5];
        var a = WithSpectrum(lambda, [0.3, -1.1, 0.7, 0.2, -0.5, 0.9, 0.4]);
        var values = SymmetricEigen.Decompose(a, lambda.Length, vectors: false).Values;
        var expected = lambda.Order().ToArray();
        // Backward stable: each eigenvalue within a small multiple of n·u·‖A‖ (‖A‖ = 2 here).
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(values[i] - expected[i]) <= 64 * lambda.Length * UnitRoundoff * 2, $"{i}: {values[i]} vs {expected[i]}");
    }

    [Fact]
    public void Run_DimensionOne_IsTheEntryInOneStep()
    {
        var result = new Lanczos(1, 10).Run((x, y) => y[0] = -3.0 * x[0], seed: 1);
        Assert.Equal(-3.0, result.Max);
        Assert.Equal(-3.0, result.Min);
        Assert.Equal(1, result.Steps);
        Assert.True(result.Converged);
    }

    [Fact]
    public void Run_ScalarMatrix_StopsAtTheInvariantSpaceAfterOneStep()
    {
        // c·I: every vector is an eigenvector, so K₁ is invariant (β₁ = 0) and both extremes are c.
        const int n = 40;
        var result = new Lanczos(n, n).Run((x, y) => { for (int i = 0; i < n; i++) y[i] = 0.25 * x[i]; }, seed: 9);
        Assert.Equal(1, result.Steps);
        Assert.True(result.Converged);
        Assert.True(Math.Abs(result.Max - 0.25) <= 4 * UnitRoundoff && Math.Abs(result.Min - 0.25) <= 4 * UnitRoundoff, $"{result.Max}, {result.Min}");
    }

    [Fact]
    public void Run_ZeroMatrix_GivesZeroWithoutNaN()
    {
        var result = new Lanczos(12, 12).Run((x, y) => y.Clear(), seed: 2);
        Assert.Equal(0.0, result.Max);
        Assert.Equal(0.0, result.Min);
        Assert.True(result.Converged);
    }

    [Fact]
    public void Run_FewDistinctEigenvalues_FindsBothEndsWhenTheKrylovSpaceCloses()
    {
        // Three distinct eigenvalues (3, 0 eight-fold, −1): K₃ is invariant, and Lanczos must stop there with the true extremes.
        double[] lambda = [0, 3, 0, 0, 0, -1, 0, 0, 0, 0];
        var a = WithSpectrum(lambda, [1, 2, -1, 0.5, 0.3, -0.7, 1.2, 0.1, -0.4, 0.8]);
        var result = new Lanczos(lambda.Length, lambda.Length).Run(Dense(a, lambda.Length), seed: 4);
        Assert.True(result.Converged);
        Assert.True(result.Steps <= 4, $"{result.Steps} steps");
        Assert.True(Math.Abs(result.Max - 3) <= 1e-12 && Math.Abs(result.Min + 1) <= 1e-12, $"{result.Max}, {result.Min}");
    }

    [Fact]
    public void Run_ProductTurnsNonFinite_ReturnsNaNNotConvergedInsteadOfThrowing()
    {
        // Parameters huge but the loss still finite (so the run has not diverged) can overflow H·v: the measurement is NaN, the run goes on.
        const int n = 6;
        var result = new Lanczos(n, n).Run((x, y) => { for (int i = 0; i < n; i++) y[i] = i == 2 ? double.PositiveInfinity * x[i] : x[i]; }, seed: 3);
        Assert.True(double.IsNaN(result.Max) && double.IsNaN(result.Min), $"{result.Max}, {result.Min}");
        Assert.False(result.Converged);
    }

    [Fact]
    public void Run_HugeScalarMatrixWithZeroTolerance_StopsAtTheInvariantSpace()
    {
        // 1e20·I: after one step β is rounding noise, about 1e20·u·√n ≈ 1e4, far below 1e-14·|θ| = 1e6; with tolerance 0
        // only the invariance test can stop the run, and it must, after one product.
        const int n = 20;
        var result = new Lanczos(n, n).Run((x, y) => { for (int i = 0; i < n; i++) y[i] = 1e20 * x[i]; }, seed: 5, tolerance: 0);
        Assert.Equal(1, result.Steps);
        Assert.True(result.Converged);
        Assert.Equal(1e20, result.Max, 1e20 * 1e-14);
    }
}
