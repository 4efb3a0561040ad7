using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// Each span kernel against a naive scalar loop that writes out its documented order: Axpy,
/// LinearCombination(2), Multiply and Descend element by element; Dot and Sum as sixteen scalar lanes
/// (lane q takes the elements ≡ q mod 16 of the whole blocks of sixteen, then lanes 0–3 the remaining
/// blocks of four), folded ((a0 + a1) + (a2 + a3)) lane-wise and then (v0 + v1) + (v2 + v3), then the
/// tail left to right; SumOfSquares left to right. Inputs span twelve decades, so another order or
/// another fold gives other bits.
/// </summary>
public sealed class KernelsTests
{
    private static double[] Values(int n, int seed)
    {
        var rng = new System.Random(seed);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-6, 7));
        return v;
    }

    private static void Same(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");

    /// <summary>The documented order of Dot (with <paramref name="product"/> = fma) or of Sum (plain addition).</summary>
    private static double LaneOrder(double[] x, double[] y, bool fused)
    {
        int n = x.Length, i = 0;
        var lane = new double[16];
        double Step(double acc, int at) => fused ? Math.FusedMultiplyAdd(x[at], y[at], acc) : acc + x[at];
        for (; i + 16 <= n; i += 16)
            for (int q = 0; q < 16; q++) lane[q] = Step(lane[q], i + q);
        for (; i + 4 <= n; i += 4)
            for (int q = 0; q < 4; q++) lane[q] = Step(lane[q], i + q);
        var v = new double[4];
        for (int q = 0; q < 4; q++) v[q] = (lane[q] + lane[4 + q]) + (lane[8 + q] + lane[12 + q]);
        double s = (v[0] + v[1]) + (v[2] + v[3]);
        for (; i < n; i++) s = Step(s, i);
        return s;
    }

    [Fact]
    public void Dot_EveryLengthUpTo70_IsTheSixteenLaneOrder()
    {
        for (int n = 0; n <= 70; n++)
        {
            double[] x = Values(n, n), y = Values(n, 1000 + n);
            Same(LaneOrder(x, y, fused: true), Kernels.Dot(x, y), $"Dot, n = {n}");
        }
    }

    [Fact]
    public void Sum_EveryLengthUpTo70_IsTheSixteenLaneOrder()
    {
        for (int n = 0; n <= 70; n++)
        {
            double[] x = Values(n, 2000 + n);
            Same(LaneOrder(x, x, fused: false), Kernels.Sum(x), $"Sum, n = {n}");
        }
    }

    [Fact]
    public void Dots_AnyRowCountAndLength_EachRowIsTheSixteenLaneOrder()
    {
        foreach (int count in new[] { 0, 1, 3, 4, 5, 7, 8, 9 })
            foreach (int n in new[] { 0, 1, 3, 4, 7, 15, 16, 17, 20, 31, 32, 36, 37, 48, 53 })
            {
                double[] x = Values(n, 3 * n + count), rows = Values(count * n, 7 * n + count + 1);
                var dest = new double[count];
                Kernels.Dots(x, rows, dest);
                for (int j = 0; j < count; j++)
                    Same(LaneOrder(x, rows.AsSpan(j * n, n).ToArray(), fused: true), dest[j], $"{count} rows of {n}, row {j}");
            }
    }

    [Fact]
    public void Dots_RowsLongerThanNeeded_ReadOnlyTheFirstCountRows()
    {
        double[] x = Values(5, 1), rows = Values(20, 2);
        var dest = new double[3];
        Kernels.Dots(x, rows, dest);
        for (int j = 0; j < 3; j++) Same(LaneOrder(x, rows.AsSpan(j * 5, 5).ToArray(), fused: true), dest[j], $"row {j}");
    }

    [Fact]
    public void Dots_TooFewRowValues_ThrowsNamingTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() => Kernels.Dots(new double[5], new double[9], new double[2]));
        Assert.Equal("2 rows of 5 need 10 values, not 9", e.Message);
    }

    [Fact]
    public void Axpy_EveryLengthUpTo20_IsOneFusedMultiplyAddPerElement()
    {
        for (int n = 0; n <= 20; n++)
        {
            double[] x = Values(n, 10 + n), y = Values(n, 40 + n);
            double alpha = -0.3 - n;
            var expected = new double[n];
            for (int i = 0; i < n; i++) expected[i] = Math.FusedMultiplyAdd(alpha, x[i], y[i]);
            Kernels.Axpy(alpha, x, y);
            for (int i = 0; i < n; i++) Same(expected[i], y[i], $"Axpy, n = {n}, element {i}");
        }
    }

    [Fact]
    public void Multiply_EveryLengthUpTo20_IsTheElementwiseProduct()
    {
        for (int n = 0; n <= 20; n++)
        {
            double[] x = Values(n, 60 + n), y = Values(n, 90 + n);
            var expected = new double[n];
            for (int i = 0; i < n; i++) expected[i] = x[i] * y[i];
            Kernels.Multiply(y, x);
            for (int i = 0; i < n; i++) Same(expected[i], x[i], $"Multiply, n = {n}, element {i}");
        }
    }

    [Fact]
    public void Descend_AFewElements_SubtractsTheRoundedProduct()
    {
        double[] g = Values(7, 5), w = Values(7, 6);
        var expected = new double[7];
        for (int i = 0; i < 7; i++)
        {
            double step = 0.1 * g[i];
            expected[i] = w[i] - step;
        }
        Kernels.Descend(0.1, g, w);
        for (int i = 0; i < 7; i++) Same(expected[i], w[i], $"Descend, element {i}");
    }

    [Fact]
    public void SumOfSquares_ElementsOfManyMagnitudes_FusedLeftToRight()
    {
        double[] x = Values(37, 8);
        double expected = 0;
        for (int i = 0; i < x.Length; i++) expected = Math.FusedMultiplyAdd(x[i], x[i], expected);
        Same(expected, Kernels.SumOfSquares(x), "SumOfSquares");
        Assert.Equal(25.0, Kernels.SumOfSquares([3.0, -4.0]));
        Assert.Equal(0.0, Kernels.SumOfSquares([]));
    }

    [Fact]
    public void LinearCombination_EveryLengthUpTo72_IsInitThenOneFusedTermPerRowInOrder()
    {
        foreach (int rowCount in new[] { 0, 1, 3 })
            foreach (int stride in new[] { 1, 3 })
                for (int n = 0; n <= 72; n++)
                {
                    double[] rows = Values(rowCount * n, n + 100 * rowCount), coef = Values(rowCount * stride, 5 + n + stride);
                    double init = 0.25 + n;
                    var dest = new double[n];
                    Kernels.LinearCombination(rows, rowCount, coef, stride, init, dest);
                    for (int i = 0; i < n; i++)
                    {
                        double a = init;
                        for (int k = 0; k < rowCount; k++) a = Math.FusedMultiplyAdd(coef[k * stride], rows[k * n + i], a);
                        Same(a, dest[i], $"{rowCount} rows of {n}, stride {stride}, element {i}");
                    }
                }
    }

    [Fact]
    public void LinearCombination2_EveryLengthUpTo40_IsTwoIndependentFusedChains()
    {
        foreach (int rowCount in new[] { 1, 3 })
            foreach (var (stride, second) in new[] { (1, 3), (2, 1) })
                for (int n = 0; n <= 40; n++)
                {
                    // The fewest coefficients the call may be given: the last one read is second + (rowCount − 1)·stride.
                    double[] rows = Values(rowCount * n, n + 7 * rowCount), coef = Values(second + (rowCount - 1) * stride + 1, n + stride);
                    double init0 = -1.5 - n, init1 = 0.75 + n;
                    double[] dest0 = new double[n], dest1 = new double[n];
                    Kernels.LinearCombination2(rows, rowCount, coef, stride, second, init0, init1, dest0, dest1);
                    for (int i = 0; i < n; i++)
                    {
                        double a = init0, b = init1;
                        for (int k = 0; k < rowCount; k++)
                        {
                            a = Math.FusedMultiplyAdd(coef[k * stride], rows[k * n + i], a);
                            b = Math.FusedMultiplyAdd(coef[second + k * stride], rows[k * n + i], b);
                        }
                        Same(a, dest0[i], $"{rowCount} rows of {n}, stride {stride}, first output, element {i}");
                        Same(b, dest1[i], $"{rowCount} rows of {n}, stride {stride}, second output, element {i}");
                    }
                }
    }

    [Fact]
    public void LinearCombination_FewestCoefficients_ReadsEveryStrideTh()
    {
        // Three rows at stride 4 read coef[0], coef[4], coef[8]: nine values suffice.
        double[] rows = [1, 2, 10, 20, 100, 200];
        double[] coef = [1, 9, 9, 9, 2, 9, 9, 9, 3];
        var dest = new double[2];
        Kernels.LinearCombination(rows, 3, coef, 4, 0.5, dest);
        Assert.Equal([0.5 + 1 + 20 + 300, 0.5 + 2 + 40 + 600], dest);
    }

    [Fact]
    public void LinearCombination_NoRowsNoCoefficients_FillsWithInit()
    {
        var dest = new double[5];
        Kernels.LinearCombination([], 0, [], 0, 2.5, dest);
        Assert.All(dest, d => Assert.Equal(2.5, d));
    }

    [Fact]
    public void LinearCombination2_NoRowsNoCoefficients_FillsWithTheInits()
    {
        double[] dest0 = new double[6], dest1 = new double[6];
        Kernels.LinearCombination2([], 0, [], 0, 0, 2.5, -1.0, dest0, dest1);
        Assert.All(dest0, d => Assert.Equal(2.5, d));
        Assert.All(dest1, d => Assert.Equal(-1.0, d));
    }

    [Theory]
    [InlineData(5, 3, 1)] // rows short by one: 2 rows of 3 need 6
    [InlineData(6, 1, 1)] // coefficients short: stride 1 needs coef[1]
    [InlineData(6, 3, 3)] // stride 3 needs coef[3]
    public void LinearCombination_TooFewValues_ThrowsNamingTheShape(int rowValues, int coefValues, int stride)
    {
        var e = Assert.Throws<ArgumentException>(() => Kernels.LinearCombination(new double[rowValues], 2, new double[coefValues], stride, 0, new double[3]));
        Assert.Equal("2 rows of 3 need 6 values and 2 coefficients", e.Message);
    }

    [Theory]
    [InlineData(5, 3, 1)] // rows short by one
    [InlineData(6, 2, 1)] // second output's last coefficient (coef[1 + 1]) missing
    [InlineData(6, 9, -1)] // a negative offset
    [InlineData(6, 4, 1, 3)] // stride 3: the second output's last coefficient is coef[1 + 3]
    public void LinearCombination2_TooFewValuesOrNegativeOffset_ThrowsNamingTheShape(int rowValues, int coefValues, int second, int stride = 1)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Kernels.LinearCombination2(new double[rowValues], 2, new double[coefValues], stride, second, 0, 0, new double[3], new double[3]));
        Assert.Equal("2 rows of 3 need 6 values and two sets of 2 coefficients", e.Message);
    }

    /// <summary>
    /// Each kernel writes only inside its destination span: the spans here are the fronts of longer arrays
    /// whose next element (a sentinel, with non-trivial neighbours to read) must come back unchanged.
    /// </summary>
    [Fact]
    public void Kernels_SpansCutFromLongerArrays_WriteNothingPastTheirEnd()
    {
        for (int n = 0; n <= 9; n++)
        {
            double[] x = Values(n + 1, 300 + n), y = Values(n + 1, 400 + n), rows = Values(2 * n + 1, 500 + n);
            double sentinel = y[n];
            Kernels.Axpy(1.5, x.AsSpan(0, n), y.AsSpan(0, n));
            Same(sentinel, y[n], $"Axpy, n = {n}, past the end");
            Kernels.Multiply(x.AsSpan(0, n), y.AsSpan(0, n));
            Same(sentinel, y[n], $"Multiply, n = {n}, past the end");
            Kernels.Descend(0.5, x.AsSpan(0, n), y.AsSpan(0, n));
            Same(sentinel, y[n], $"Descend, n = {n}, past the end");
            Kernels.LinearCombination(rows.AsSpan(0, 2 * n), 2, [2.0, 3.0], 1, 1.0, y.AsSpan(0, n));
            Same(sentinel, y[n], $"LinearCombination, n = {n}, past the end");
            var other = Values(n + 1, 600 + n);
            double otherSentinel = other[n];
            Kernels.LinearCombination2(rows.AsSpan(0, 2 * n), 2, [2.0, 3.0, 5.0], 1, 1, 1.0, -1.0, y.AsSpan(0, n), other.AsSpan(0, n));
            Same(sentinel, y[n], $"LinearCombination2, n = {n}, past the first end");
            Same(otherSentinel, other[n], $"LinearCombination2, n = {n}, past the second end");
        }
    }

    [Fact]
    public void LengthChecks_SpansOfDifferentLengths_ThrowNamingBothLengths()
    {
        Assert.Equal("span lengths differ: 3 and 2", Assert.Throws<ArgumentException>(() => Kernels.Axpy(1, new double[3], new double[2])).Message);
        Assert.Equal("span lengths differ: 4 and 5", Assert.Throws<ArgumentException>(() => Kernels.Dot(new double[4], new double[5])).Message);
        Assert.Equal("span lengths differ: 2 and 6", Assert.Throws<ArgumentException>(() => Kernels.Multiply(new double[6], new double[2])).Message);
        Assert.Equal("span lengths differ: 1 and 3", Assert.Throws<ArgumentException>(() => Kernels.Descend(1, new double[1], new double[3])).Message);
        Assert.Equal("span lengths differ: 2 and 3", Assert.Throws<ArgumentException>(() =>
            Kernels.LinearCombination2([], 0, [], 0, 0, 0, 0, new double[2], new double[3])).Message);
    }
}
