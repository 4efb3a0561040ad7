using System.Runtime.CompilerServices;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics.Gemm;

/// <summary>What <see cref="LaneDotGemm"/> refuses, the empty products it accepts, and that a finished call keeps no operand alive.</summary>
public sealed class LaneDotGemmArgumentTests
{
    [Fact]
    public void Constructor_NoThread_IsRefused() =>
        Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => new LaneDotGemm(0)).ParamName);

    [Theory]
    [InlineData(-1, 2, 3, 0, 6, 0)]
    [InlineData(2, -1, 3, 6, 0, 0)]
    [InlineData(2, 2, -1, 6, 6, 4)]
    [InlineData(2, 2, 3, 5, 6, 4)]
    [InlineData(2, 2, 3, 6, 5, 4)]
    [InlineData(2, 2, 3, 6, 6, 3)]
    public void Multiply_NegativeCountOrShortOperand_IsRefusedUntouched(int kRows, int jRows, int n, int aLength, int dLength, int gLength)
    {
        var g = Enumerable.Repeat(-7.5, gLength).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => new LaneDotGemm().Multiply(new double[aLength], kRows, new double[dLength], jRows, n, g));
        Assert.Contains($"operands too short for {kRows} × {jRows} dot products of length {n}", ex.Message, StringComparison.Ordinal);
        Assert.All(g, v => Assert.Equal(-7.5, v));
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, 0)]
    public void Multiply_NoRows_WritesNothing(int kRows, int jRows)
    {
        var g = new[] { -7.5 };
        new LaneDotGemm().Multiply(new double[3 * kRows], kRows, new double[3 * jRows], jRows, 3, g);
        Assert.Equal(-7.5, g[0]);
    }

    [Fact]
    public void Multiply_OperandsExactlyLongEnough_GivesEveryDotProduct()
    {
        // 4 × 5 dot products of length 2 with small integers, exact in any order.
        var a = Enumerable.Range(1, 8).Select(v => (double)v).ToArray();
        var d = Enumerable.Range(-5, 10).Select(v => (double)v).ToArray();
        var g = new double[20];
        new LaneDotGemm().Multiply(a, 4, d, 5, 2, g);
        for (int k = 0; k < 4; k++)
            for (int j = 0; j < 5; j++)
                Assert.Equal(a[2 * k] * d[2 * j] + a[2 * k + 1] * d[2 * j + 1], g[k * 5 + j]);
    }

    [Fact]
    public void Multiply_Returned_KeepsNoOperandAlive()
    {
        var gemm = new LaneDotGemm();
        Unreferenced.AfterTheCall(() => MultiplyOnce(gemm));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] MultiplyOnce(LaneDotGemm gemm)
    {
        double[] a = new double[6 * 20], d = new double[7 * 20], g = new double[6 * 7];
        gemm.Multiply(a, 6, d, 7, 20, g);
        return [new(a), new(d), new(g)];
    }
}
