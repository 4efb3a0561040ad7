using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics.Gemm;

/// <summary>The tiled dot products against <see cref="Kernels.Dot"/>, to the bit, for every tail of the sixteen-lane blocks.</summary>
public sealed class LaneDotGemmTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Multiply_RaggedShapesAnyThreads_EqualsDotPerElementToTheBit(int threads)
    {
        var rng = GradFlow.Random.Generator.DefaultRng(16);
        int[] lengths = [0, 1, 3, 4, 5, 15, 16, 17, 20, 31, 36, 47, 64, 225, 1027];
        (int K, int J)[] shapes = [(1, 1), (3, 3), (4, 5), (7, 2), (2, 7), (9, 10)];
        foreach (int n in lengths)
            foreach (var (kRows, jRows) in shapes)
            {
                var a = new double[kRows * n];
                var d = new double[jRows * n];
                rng.Normal(0, 3, a);
                rng.Normal(0, 3, d);
                var g = new double[kRows * jRows];
                g.AsSpan().Fill(double.NaN);
                new LaneDotGemm(threads, parallelMinimumWork: 0).Multiply(a, kRows, d, jRows, n, g);
                for (int k = 0; k < kRows; k++)
                    for (int j = 0; j < jRows; j++)
                        Bits.Same(Kernels.Dot(a.AsSpan(k * n, n), d.AsSpan(j * n, n)), g[k * jRows + j], $"{kRows}×{jRows}, n {n}, G[{k}, {j}]");
            }
    }
}
