using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>The span Log's last element, and SumOfLogs where its eight-lane pass and its scalar tail decide the path.</summary>
public sealed class VectorMathLogEdgeTests
{
    // ln 2 as a double and the rest (fdlibm's split): E·ln 2 rounds correctly through one fused multiply-add for |E| ≪ 2^20.
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Lo = 2.3190468138462996e-17;

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(5, true)]
    [InlineData(8, true)]
    [InlineData(3, false)]
    [InlineData(6, false)]
    public void LogSpan_DestinationASliceOfALongerArray_LeavesTheElementAfterItUntouched(int n, bool vectorize)
    {
        var x = Enumerable.Range(1, n + 4).Select(i => (double)i).ToArray();
        var destination = Enumerable.Repeat(-7.5, n + 4).ToArray();
        VectorMath.Log(x.AsSpan(0, n), destination.AsSpan(1, n), vectorize);
        Assert.Equal(-7.5, destination[0]);
        for (int i = 0; i < n; i++) Assert.Equal(VectorMath.Log(x[i]), destination[1 + i]);
        for (int i = n + 1; i < destination.Length; i++) Assert.Equal(-7.5, destination[i]);
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(3, 11)]
    [InlineData(5, 13, 21, 29)]
    public void SumOfLogs_ZerosInTheSameLaneOfTwoEightBlocks_IsMinusInfinity(params int[] zeros)
    {
        // An even number of zeros in one of the eight lanes must still leave the fast path: ln 0 = −∞.
        foreach (int n in new[] { 16, 24, 32, 35 })
        {
            var x = Enumerable.Range(0, n).Select(i => 1.5 + i).ToArray();
            foreach (int at in zeros.Where(at => at < n)) x[at] = 0.0;
            if (!x.Contains(0.0)) continue;
            Assert.Equal(double.NegativeInfinity, VectorMath.SumOfLogs(x, 0.0));
            Assert.Equal(double.NegativeInfinity, VectorMath.SumOfLogs(x, 0.0, vectorize: false));
        }
    }

    [Theory]
    [InlineData(67, true)]
    [InlineData(65, true)]
    [InlineData(66, false)]
    public void SumOfLogs_SmallestNormalInTheScalarTail_KeepsTheFastPath(int n, bool vectorize)
    {
        // Powers of two make every mantissa product exactly 1: lane j (i ≡ j mod 4) is its exponent sum E_j times
        // ln 2 rounded once, the lanes added as (l0 + l1) + (l2 + l3). The values past the last block of four are
        // 2^−1022, the smallest normal number, still on the fast path (a sum of each rounded log differs).
        var x = new double[n];
        var lanes = new long[4];
        for (int i = 0; i < n; i++)
        {
            int e = i >= (n & ~3) ? -1022 : -(1 + i % 13);
            x[i] = Math.ScaleB(1.0, e);
            lanes[i % 4] += e;
        }
        Assert.Equal(2.2250738585072014e-308, x[n - 1]);
        var l = lanes.Select(e => Math.FusedMultiplyAdd(e, Ln2Hi, e * Ln2Lo)).ToArray();
        double expected = (l[0] + l[1]) + (l[2] + l[3]);

        VectorMathTwinTests.AssertBits(expected, VectorMath.SumOfLogs(x, 0.0, vectorize), $"Σ ln 2^e of {n}, vectorize {vectorize}");
    }
}
