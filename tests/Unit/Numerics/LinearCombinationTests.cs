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

    [Fact]
    public void LinearCombination2_AnyLengthStrideAndOffset_EqualsTwoLinearCombinationsToTheBit()
    {
        var rng = GradFlow.Random.Generator.DefaultRng(6);
        foreach (int rowCount in new[] { 0, 1, 2, 3, 16, 33 })
            for (int n = 0; n <= 40; n++)
                foreach (var (stride, second) in new[] { (1, 33), (3, 1), (4, 2) })
                {
                    var rows = new double[rowCount * n];
                    var coef = new double[second + Math.Max(1, rowCount * stride)];
                    rng.Normal(0, 10, rows);
                    rng.Normal(0, 10, coef);
                    double init0 = rng.Random() - 0.5, init1 = rng.Random() - 0.5;

                    var expected0 = new double[n];
                    var expected1 = new double[n];
                    Kernels.LinearCombination(rows, rowCount, coef, stride, init0, expected0);
                    Kernels.LinearCombination(rows, rowCount, coef.AsSpan(second), stride, init1, expected1);
                    var actual0 = new double[n];
                    var actual1 = new double[n];
                    Kernels.LinearCombination2(rows, rowCount, coef, stride, second, init0, init1, actual0, actual1);

                    for (int i = 0; i < n; i++)
                    {
                        Assert.True(BitConverter.DoubleToInt64Bits(expected0[i]) == BitConverter.DoubleToInt64Bits(actual0[i]),
                            $"rows {rowCount}, n {n}, stride {stride}, first output, element {i}: {expected0[i]:R} vs {actual0[i]:R}");
                        Assert.True(BitConverter.DoubleToInt64Bits(expected1[i]) == BitConverter.DoubleToInt64Bits(actual1[i]),
                            $"rows {rowCount}, n {n}, stride {stride}, second output, element {i}: {expected1[i]:R} vs {actual1[i]:R}");
                    }
                }
    }
}
