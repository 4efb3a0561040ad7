using System.Runtime.CompilerServices;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics.Gemm;

/// <summary>
/// What <see cref="PanelGemm"/> refuses before it writes anything (each limit alone, just past its edge,
/// the call at the edge accepted), and that a finished call keeps no operand alive.
/// </summary>
public sealed class PanelGemmArgumentTests
{
    [Theory]
    [InlineData(0, 4, 128, 1, "maxRows")]
    [InlineData(4, -1, 128, 1, "maxDepth")]
    [InlineData(4, 4, 0, 1, "depthBlock")]
    [InlineData(4, 4, 128, 0, "threads")]
    public void Constructor_LimitBelowItsMinimum_IsRefused(int maxRows, int maxDepth, int depthBlock, int threads, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PanelGemm(maxRows, maxDepth, depthBlock, threads));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Constructor_SmallestLimits_Accepted()
    {
        var gemm = new PanelGemm(1, 0, 1, 1);
        var c = new double[] { double.NaN };
        gemm.Multiply([], 1, 1, 1, 0, [2.5], [], 1, c, []);
        Assert.Equal(2.5, c[0]);
        Assert.Equal(1, gemm.Threads);
    }

    // A 3 × 4 × 5 call on a 3 × 4 GEMM with every operand just long enough: (rows, depth, columns, b, c, init, scale, stride).
    public static TheoryData<int, int, int, int, int, int, int, int, string> Refused => new()
    {
        { 0, 4, 5, 20, 15, 0, 0, 0, "0 × 4 product" },
        { 4, 4, 5, 20, 20, 0, 0, 0, "4 × 4 product" },
        { 3, -1, 5, 20, 15, 0, 0, 0, "3 × -1 product" },
        { 3, 5, 5, 25, 15, 0, 0, 0, "3 × 5 product" },
        { 3, 4, 0, 20, 15, 0, 0, 0, "3 × 4 product" },
        { 3, 4, 5, 19, 15, 0, 0, 0, "operands too short for 3 × 4 × 5" },
        { 3, 4, 5, 20, 14, 0, 0, 0, "operands too short for 3 × 4 × 5" },
        { 3, 4, 5, 20, 15, 2, 0, 0, "operands too short for 3 × 4 × 5" },
        { 3, 4, 5, 20, 15, 0, 14, 0, "operands too short for 3 × 4 × 5" },
        { 3, 4, 5, 20, 18, 0, 0, 7, "operands too short for 3 × 4 × 5" },
        { 3, 4, 5, 20, 15, 0, 0, 4, "an output row stride of 4 is shorter than its 5 columns" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Multiply_AnyOperandOrShapeOutsideTheLimits_IsRefusedUntouched(int rows, int depth, int columns, int bLength, int cLength, int initLength, int scaleLength, int stride, string message)
    {
        var gemm = new PanelGemm(3, 4);
        var c = Enumerable.Repeat(-7.5, cLength).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => gemm.Multiply(new double[12], 4, 1, rows, depth, new double[initLength], new double[bLength], columns, c, new double[scaleLength], stride));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.All(c, v => Assert.Equal(-7.5, v));
    }

    [Theory]
    [InlineData(0, 15, 3, 0)]
    [InlineData(0, 15, 0, 15)]
    [InlineData(7, 19, 3, 19)]
    public void Multiply_OperandsExactlyLongEnough_Accepted(int stride, int cLength, int initLength, int scaleLength)
    {
        var gemm = new PanelGemm(3, 4);
        var a = Enumerable.Range(1, 12).Select(v => (double)v).ToArray();
        var b = Enumerable.Range(0, 20).Select(v => 0.5 * v).ToArray();
        var init = Enumerable.Repeat(1.0, initLength).ToArray();
        var scale = Enumerable.Repeat(2.0, scaleLength).ToArray();
        var c = new double[cLength];
        gemm.Multiply(a, 4, 1, 3, 4, init, b, 5, c, scale, stride);
        int ldc = stride == 0 ? 5 : stride;
        // C[i, r] = (init + Σ_p a[i, p]·b[p, r]) × scale: small integers and halves, exact in any order.
        for (int i = 0; i < 3; i++)
            for (int r = 0; r < 5; r++)
            {
                double sum = initLength == 0 ? 0 : 1;
                for (int p = 0; p < 4; p++) sum += a[i * 4 + p] * b[p * 5 + r];
                Assert.Equal(scaleLength == 0 ? sum : 2 * sum, c[i * ldc + r]);
            }
    }

    [Fact]
    public void Multiply_Returned_KeepsNoOperandAlive()
    {
        var gemm = new PanelGemm(9, 5);
        Unreferenced.AfterTheCall(() => MultiplyOnce(gemm));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] MultiplyOnce(PanelGemm gemm)
    {
        double[] b = new double[5 * 30], c = new double[9 * 30], init = new double[9], scale = new double[9 * 30];
        gemm.Multiply(new double[45], 5, 1, 9, 5, init, b, 30, c, scale);
        return [new(b), new(c), new(init), new(scale)];
    }
}

/// <summary>The empty product: every element of each row is that row's init (or +0).</summary>
public sealed class PanelGemmDepthZeroTests
{
    [Fact]
    public void Multiply_DepthZero_FillsEachRowWithItsInit()
    {
        var c = Enumerable.Repeat(double.NaN, 3 * 30).ToArray();
        new PanelGemm(3, 0).Multiply([], 1, 1, 3, 0, [1.5, -2.0, 0.25], [], 30, c, []);
        for (int i = 0; i < 3; i++)
            for (int r = 0; r < 30; r++) Assert.Equal(new[] { 1.5, -2.0, 0.25 }[i], c[i * 30 + r]);
    }
}
