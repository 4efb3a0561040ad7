using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics.Gemm;

/// <summary>
/// The tiled product against the row kernel it replaces, to the bit: every element of C must equal
/// <see cref="Kernels.LinearCombination"/> of its row of A (then × the scale, as <see cref="Kernels.Multiply"/>),
/// for ragged shapes, both layouts of A, any depth block and thread count.
/// </summary>
public sealed class PanelGemmTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 2)]
    [InlineData(7, 1)]
    [InlineData(128, 2)]
    public void Multiply_RaggedShapesAnyBlockAndThreads_EqualsLinearCombinationPerRowToTheBit(int depthBlock, int threads)
    {
        var rng = GradFlow.Random.Generator.DefaultRng(15);
        (int Rows, int Depth, int Columns)[] shapes = [(1, 0, 1), (1, 1, 1), (8, 1, 24), (9, 2, 25), (3, 17, 23), (17, 33, 49), (16, 64, 48), (40, 130, 97), (5, 300, 7)];
        foreach (var (rows, depth, columns) in shapes)
            foreach (bool transposed in new[] { false, true })
                foreach (bool withInit in new[] { false, true })
                    foreach (bool withScale in new[] { false, true })
                    {
                        // A[i, p] at i·rowStride + p·columnStride: the forward pass's Wᵀ (1, rows) or the backward pass's W (depth, 1).
                        var (rowStride, columnStride) = transposed ? (depth, 1) : (1, rows);
                        var a = new double[Math.Max(1, rows * depth)];
                        var b = new double[depth * columns];
                        var init = withInit ? new double[rows] : [];
                        var scale = withScale ? new double[rows * columns] : [];
                        rng.Normal(0, 3, a);
                        rng.Normal(0, 3, b);
                        rng.Normal(0, 1, init);
                        rng.Normal(0, 1, scale);

                        var actual = new double[rows * columns];
                        actual.AsSpan().Fill(double.NaN);
                        new PanelGemm(rows, depth, depthBlock, threads, parallelMinimumWork: 0).Multiply(a, rowStride, columnStride, rows, depth, init, b, columns, actual, scale);

                        var expected = new double[columns];
                        for (int i = 0; i < rows; i++)
                        {
                            Kernels.LinearCombination(b, depth, a.AsSpan(i * rowStride), columnStride, withInit ? init[i] : 0.0, expected);
                            if (withScale) Kernels.Multiply(scale.AsSpan(i * columns, columns), expected);
                            for (int r = 0; r < columns; r++)
                                Bits.Same(expected[r], actual[i * columns + r], $"{rows}×{depth}×{columns} transposed {transposed} init {withInit} scale {withScale}, C[{i}, {r}]");
                        }
                    }
    }

    [Fact]
    public void Multiply_OutputStrideOfTwoRows_FillsEveryOtherRowAndLeavesTheOthers()
    {
        var rng = GradFlow.Random.Generator.DefaultRng(18);
        int rows = 11, depth = 13, columns = 29;
        var a = new double[rows * depth];
        var b = new double[depth * columns];
        rng.Normal(0, 1, a);
        rng.Normal(0, 1, b);
        var c = new double[2 * rows * columns];
        c.AsSpan().Fill(-7.5);
        new PanelGemm(rows, depth, depthBlock: 5).Multiply(a, depth, 1, rows, depth, [], b, columns, c, [], outputStride: 2 * columns);
        var expected = new double[columns];
        for (int i = 0; i < rows; i++)
        {
            Kernels.LinearCombination(b, depth, a.AsSpan(i * depth), 1, 0.0, expected);
            for (int r = 0; r < columns; r++)
            {
                Bits.Same(expected[r], c[2 * i * columns + r], $"C[{i}, {r}]");
                Bits.Same(-7.5, c[(2 * i + 1) * columns + r], $"the row between, [{i}, {r}]");
            }
        }
    }

    [Fact]
    public void Multiply_ShapeBeyondTheBuffers_IsRefused()
    {
        var gemm = new PanelGemm(4, 4);
        var ex = Assert.Throws<ArgumentException>(() => gemm.Multiply(new double[25], 1, 5, 5, 5, [], new double[25], 5, new double[25], []));
        Assert.Contains("5 × 5", ex.Message, StringComparison.Ordinal);
    }
}
