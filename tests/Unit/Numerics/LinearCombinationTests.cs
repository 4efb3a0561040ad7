using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

public sealed class LinearCombinationTests
{
    [Fact]
    public void LinearCombination_AnyLengthAndStride_EqualsFillThenOneAxpyPerRowToTheBit()
    {
        var rng = GradFlow.Random.Generator.DefaultRng(5);
        foreach (int rowCount in new[] { 0, 1, 2, 3, 16, 33 })
            for (int n = 0; n <= 72; n++)
                foreach (int stride in new[] { 1, 3 })
                {
                    var rows = new double[rowCount * n];
                    var coef = new double[Math.Max(1, rowCount * stride)];
                    rng.Normal(0, 10, rows);
                    rng.Normal(0, 10, coef);
                    double init = rng.Random() - 0.5;

                    var expected = new double[n];
                    expected.AsSpan().Fill(init);
                    for (int k = 0; k < rowCount; k++) Kernels.Axpy(coef[k * stride], rows.AsSpan(k * n, n), expected);
                    var actual = new double[n];
                    Kernels.LinearCombination(rows, rowCount, coef, stride, init, actual);

                    for (int i = 0; i < n; i++)
                        Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                            $"rows {rowCount}, n {n}, stride {stride}, element {i}: {expected[i]:R} vs {actual[i]:R}");
                }
    }
}
