using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Curvature;

/// <summary>H·v through the tiled kernels (R-forward, R-backward into every other row, (Hv)_W) is the row kernels' H·v to the bit.</summary>
public sealed class HessianVectorProductKernelPathTests
{
    [Theory]
    [InlineData("2,16,16,1", 225, "tanh")]
    [InlineData("3,40,33,1", 61, "softsign")]
    [InlineData("2,9,1", 5, "relu")]
    public void Apply_TiledOrByShape_SameBitsAsTheRowKernels(string archText, int rows, string activation)
    {
        var arch = Architecture.Parse(archText);
        var split = Xor.Split(Xor.Generate(rows, 0.2, 3), 0.0, 3);
        var x = split.Train.X.ToArray();
        if (arch.Inputs == 3)
            x = Enumerable.Range(0, rows * 3).Select(i => split.Train.X[(i / 3) * 2 + (i % 3) % 2] * (1 + i % 3)).ToArray();
        var model = Mlp.Init(arch, ActivationRegistry.Get(activation), InitScheme.Xavier, 1.3, 3);
        var reference = Product(arch, rows, model, x, split.Train.Y.ToArray(), KernelPath.Rows);
        foreach (var path in new[] { KernelPath.Tiled, KernelPath.ByShape })
        {
            var other = Product(arch, rows, model, x, split.Train.Y.ToArray(), path);
            for (int i = 0; i < reference.Length; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(reference[i]) == BitConverter.DoubleToInt64Bits(other[i]), $"{path}: (Hv)[{i}] {reference[i]:R} vs {other[i]:R}");
        }
    }

    private static double[] Product(Architecture arch, int rows, Mlp model, double[] x, double[] y, KernelPath path)
    {
        var hvp = new HessianVectorProduct(arch, rows, RPassFault.None, path);
        hvp.Prepare(model, x, y);
        var v = new double[hvp.ParameterCount];
        GradFlow.Random.Generator.DefaultRng(11).StandardNormal(v);
        var hv = new double[hvp.ParameterCount];
        hvp.Apply(v, hv);
        return hv;
    }
}
