using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class SymmetricEigenTests
{
    private const double UnitRoundoff = 1.1102230246251565e-16;

    private static double[] RandomSymmetric(int n, UInt128 seed)
    {
        var g = new double[n * n];
        GradFlow.Random.Generator.DefaultRng(seed).StandardNormal(g);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) a[i * n + j] = 0.5 * (g[i * n + j] + g[j * n + i]);
        return a;
    }

    private static double MaxAbs(double[] a) => a.Max(Math.Abs);

    /// <summary>max |QΛQᵀ − A| and max |QᵀQ − I|.</summary>
    private static (double Reconstruction, double Orthogonality) Residuals(double[] a, EigenDecomposition e)
    {
        int n = e.Size;
        double rec = 0, orth = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0, o = 0;
                for (int k = 0; k < n; k++)
                {
                    s += e.Vector(i, k) * e.Values[k] * e.Vector(j, k);
                    o += e.Vector(k, i) * e.Vector(k, j);
                }
                rec = Math.Max(rec, Math.Abs(s - a[i * n + j]));
                orth = Math.Max(orth, Math.Abs(o - (i == j ? 1 : 0)));
            }
        return (rec, orth);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 3)]
    [InlineData(40, 4)]
    [InlineData(150, 5)]
    public void Decompose_RandomSymmetric_ReconstructsAtRoundingLevel(int n, int seed)
    {
        var a = RandomSymmetric(n, (UInt128)seed);
        var e = SymmetricEigen.Decompose(a, n, vectors: true);
        var (rec, orth) = Residuals(a, e);

        // Backward stability: ‖QΛQᵀ − A‖ = O(n·u·‖A‖); 16·n·u·max|A| is at rounding level with a margin.
        Assert.True(rec <= 16 * n * UnitRoundoff * MaxAbs(a) * Math.Sqrt(n), $"reconstruction {rec:G3}");
        Assert.True(orth <= 16 * n * UnitRoundoff, $"orthogonality {orth:G3}");
        for (int i = 1; i < n; i++) Assert.True(e.Values[i - 1] <= e.Values[i]);
        double trace = 0;
        for (int i = 0; i < n; i++) trace += a[i * n + i];
        Assert.True(Math.Abs(e.Trace - trace) <= 16 * n * UnitRoundoff * MaxAbs(a) * Math.Sqrt(n));
    }

    [Theory]
    [InlineData("tanh", "2,16,16,1")]
    [InlineData("relu", "2,16,16,1")]
    [InlineData("elu", "2,8,8,8,8,8,8,1")]
    public void Decompose_RealHessian_ReconstructsAtRoundingLevel(string activation, string arch)
    {
        var architecture = Architecture.Parse(arch);
        var model = Mlp.Init(architecture, ActivationRegistry.Get(activation), InitScheme.Xavier, 1.0, 12);
        var h = DenseHessian.Compute(model, GradientGateTests.SmallData(2, 12));
        var e = SymmetricEigen.Decompose(h, vectors: true);
        var (rec, orth) = Residuals(h.Values, e);

        Assert.True(rec <= 16 * h.Size * UnitRoundoff * h.MaxAbs * Math.Sqrt(h.Size), $"reconstruction {rec:G3}");
        Assert.True(orth <= 16 * h.Size * UnitRoundoff, $"orthogonality {orth:G3}");
        Assert.True(Math.Abs(e.Trace - h.Trace) <= 1e-12 * h.Size * h.MaxAbs);
    }

    [Fact]
    public void Decompose_SecondDifferenceMatrix_GivesTheClosedFormEigenvalues()
    {
        // tridiag(−1, 2, −1) of order n has eigenvalues 2 − 2cos(kπ/(n + 1)), k = 1 … n.
        const int n = 30;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = 2;
            if (i + 1 < n) a[i * n + i + 1] = a[(i + 1) * n + i] = -1;
        }
        var values = SymmetricEigen.Decompose(a, n, vectors: false).Values;
        for (int k = 1; k <= n; k++) Assert.Equal(2 - 2 * Math.Cos(k * Math.PI / (n + 1)), values[k - 1], 13);
    }

    [Fact]
    public void Decompose_WithAndWithoutVectors_GivesTheSameEigenvalues()
    {
        var a = RandomSymmetric(25, 8);
        Assert.Equal(SymmetricEigen.Decompose(a, 25, true).Values, SymmetricEigen.Decompose(a, 25, false).Values);
    }

    [Fact]
    public void Decompose_NonFiniteEntry_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose([1, double.NaN, double.NaN, 1], 2, false));
        Assert.Contains("entry [1,0] is NaN; the matrix must be finite", e.Message);
    }

    [Fact]
    public void Decompose_UpperTriangleNotFinite_ReadsOnlyTheLowerTriangle()
    {
        // Lower triangle of [[2, 1, 0], [1, 2, 1], [0, 1, 2]] (eigenvalues 2 − √2, 2, 2 + √2), NaN above the diagonal.
        double[] a = [2, double.NaN, double.NaN, 1, 2, double.NaN, 0, 1, 2];

        var values = SymmetricEigen.Decompose(a, 3, vectors: false).Values;

        double[] expected = [2 - Math.Sqrt(2), 2, 2 + Math.Sqrt(2)];
        for (int i = 0; i < 3; i++) Assert.True(Math.Abs(values[i] - expected[i]) <= 16 * UnitRoundoff * 4, $"{values[i]} vs {expected[i]}");
    }

    [Fact]
    public void Decompose_DiagonalWithTies_KeepsTiedVectorsInIndexOrder()
    {
        // diag(2, 1, 2): nothing to reduce or rotate, so the vectors are e₁, e₀, e₂ in that order (ties by index).
        var e = SymmetricEigen.Decompose([2, 0, 0, 0, 1, 0, 0, 0, 2], 3, vectors: true);

        Assert.Equal([1.0, 2.0, 2.0], e.Values);
        Assert.Equal([0.0, 1, 0, 1, 0, 0, 0, 0, 1], e.Vectors!);
    }

    [Fact]
    public void Decompose_DenseFourByFourWithVectors_SatisfiesAvEqualsLambdaV()
    {
        // Full columns below the sub-diagonal: two Householder steps, each accumulated into Q.
        double[] a = [4, 1, -2, 2, 1, 2, 0, 1, -2, 0, 3, -2, 2, 1, -2, -1];
        var e = SymmetricEigen.Decompose(a, 4, vectors: true);
        for (int c = 0; c < 4; c++)
            for (int r = 0; r < 4; r++)
            {
                double av = 0;
                for (int k = 0; k < 4; k++) av += a[r * 4 + k] * e.Vector(k, c);
                Assert.True(Math.Abs(av - e.Values[c] * e.Vector(r, c)) <= 1e-13, $"(Av − λv)[{r}] of column {c}");
            }
        Assert.True(Math.Abs(e.Trace - 8) <= 1e-14);
    }

    [Theory]
    [InlineData(3, 8)]
    [InlineData(-1, 1)]
    [InlineData(2, 0)]
    public void Decompose_LengthNotTheSquareOfTheSize_Throws(int n, int length)
    {
        var e = Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(new double[length], n, false));
        Assert.Contains($"a matrix of {length} values is not {n} × {n}", e.Message);
    }

    [Fact]
    public void Decompose_EmptyMatrix_HasNoEigenvalues()
    {
        Assert.Empty(SymmetricEigen.Decompose([], 0, vectors: true).Values);
    }

    [Fact]
    public void Decompose_WithoutVectors_HasNone()
    {
        Assert.Null(SymmetricEigen.Decompose(RandomSymmetric(4, 3), 4, vectors: false).Vectors);
    }

    [Fact]
    public void Decompose_TinyTwoByTwo_KeepsFullRelativeAccuracy()
    {
        // 2⁻⁵³⁰·[[1.5, −0.75], [−0.75, −0.25]]: every entry is a normal double but b² is subnormal, so the matrix must go to
        // QL as it is (a 2 × 2 needs no reduction): (a + c)/2 ± √(((a − c)/2)² + b²), scaled, to a few ulps.
        const double a = 1.5, b = -0.75, c = -0.25;
        double mid = (a + c) / 2, radius = Math.Sqrt(Math.Pow((a - c) / 2, 2) + b * b);
        double[] m = [Math.ScaleB(a, -530), Math.ScaleB(b, -530), Math.ScaleB(b, -530), Math.ScaleB(c, -530)];

        var values = SymmetricEigen.Decompose(m, 2, vectors: false).Values;

        Assert.True(Math.Abs(Math.ScaleB(values[0], 530) - (mid - radius)) <= 16 * UnitRoundoff, $"{Math.ScaleB(values[0], 530)}");
        Assert.True(Math.Abs(Math.ScaleB(values[1], 530) - (mid + radius)) <= 16 * UnitRoundoff, $"{Math.ScaleB(values[1], 530)}");
    }

    [Theory]
    [InlineData(-530)]
    [InlineData(530)]
    public void Decompose_TwoByTwoWhoseOffDiagonalSquareIsNotRepresentable_IsSolvedWithoutAReflector(int exponent)
    {
        // 2^±530·[[1.5, −0.7], [−0.7, −0.25]]: b² underflows to a subnormal with a few bits (−530) or overflows (+530), so
        // any reflector, which needs ‖x‖ = √(b²), would move e or turn it into ∞; a 2 × 2 is already tridiagonal and goes to
        // QL as it is, whose rotations never square an entry: (a + c)/2 ± √(((a − c)/2)² + b²), scaled, to a few ulps.
        const double a = 1.5, b = -0.7, c = -0.25;
        double mid = (a + c) / 2, radius = Math.Sqrt(Math.Pow((a - c) / 2, 2) + b * b);
        double[] m = [Math.ScaleB(a, exponent), Math.ScaleB(b, exponent), Math.ScaleB(b, exponent), Math.ScaleB(c, exponent)];

        var values = SymmetricEigen.Decompose(m, 2, vectors: true).Values;

        Assert.True(Math.Abs(Math.ScaleB(values[0], -exponent) - (mid - radius)) <= 16 * UnitRoundoff, $"{Math.ScaleB(values[0], -exponent)}");
        Assert.True(Math.Abs(Math.ScaleB(values[1], -exponent) - (mid + radius)) <= 16 * UnitRoundoff, $"{Math.ScaleB(values[1], -exponent)}");
    }
}
