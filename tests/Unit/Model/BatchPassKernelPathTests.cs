using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Numerics;
using GradFlow.Tests.Unit.Numerics.Gemm;

namespace GradFlow.Tests.Unit.Model;

/// <summary>
/// The choice of kernels and the thread count change no bit of a pass: z, φ(z), φ′, δ, ∂L/∂W and ∂L/∂b
/// after a forward and backward pass with the row kernels, the tiled kernels, the choice by shape, on one
/// thread and on two, and after a few training steps.
/// </summary>
public sealed class BatchPassKernelPathTests
{
    [Theory]
    [InlineData("2,16,16,1", 225)]
    [InlineData("2,1", 8)]
    [InlineData("3,9,1", 1)]
    [InlineData("2,40,33,1", 67)]
    [InlineData("2,64,64,64,1", 130)]
    [InlineData("5,25,48,17,1", 49)]
    [InlineData("2,128,128,1", 80)]
    [InlineData("2,256,256,1", 300)]
    public void Passes_AnyKernelPathAndThreads_SameBitsAsTheRowKernels(string archText, int rows)
    {
        var arch = Architecture.Parse(archText);
        var reference = Trained(arch, rows, KernelPath.Rows, 1);
        foreach (var path in new[] { KernelPath.Tiled, KernelPath.ByShape })
            foreach (int threads in new[] { 1, 2 })
            {
                var other = Trained(arch, rows, path, threads);
                for (int l = 0; l < arch.LayerCount; l++)
                {
                    string at = $"{path}, {threads} threads, layer {l + 1}";
                    Same(reference.Pass.PreActivation(l), other.Pass.PreActivation(l), $"{at} z");
                    Same(reference.Pass.Output(l), other.Pass.Output(l), $"{at} a");
                    Same(reference.Pass.Delta(l), other.Pass.Delta(l), $"{at} δ");
                    Same(reference.Pass.GradW(l), other.Pass.GradW(l), $"{at} ∂L/∂W");
                    Same(reference.Pass.GradB(l), other.Pass.GradB(l), $"{at} ∂L/∂b");
                    if (l < arch.LayerCount - 1) Same(reference.Pass.PhiPrime(l), other.Pass.PhiPrime(l), $"{at} φ′");
                    Same(reference.Model.Layers[l].Weights, other.Model.Layers[l].Weights, $"{at} W after the steps");
                }
            }
    }

    [Fact]
    public void IsTiled_ForcedPaths_FollowTheChoiceAndNeverTheOneUnitOutput()
    {
        var arch = Architecture.Parse("2,40,40,1");
        var tiled = new BatchPass(arch, 10, KernelPath.Tiled);
        var rows = new BatchPass(arch, 10, KernelPath.Rows);
        Assert.Equal([true, true, false], Enumerable.Range(0, 3).Select(tiled.IsTiled));
        Assert.Equal([false, false, false], Enumerable.Range(0, 3).Select(rows.IsTiled));
    }

    private static (Mlp Model, BatchPass Pass) Trained(Architecture arch, int rows, KernelPath path, int threads)
    {
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.5, 9);
        var data = Xor.Generate(rows, 0.2, 9);
        var x = new double[rows * arch.Inputs];
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < arch.Inputs; k++) x[r * arch.Inputs + k] = data.X[r * data.Features + k % data.Features] * (k + 1);
        var pass = new BatchPass(arch, rows, path, threads);
        for (int step = 0; step < 3; step++)
        {
            pass.Forward(model, x);
            pass.Backward(model, data.Y);
            pass.Step(model, 0.5);
        }
        pass.Forward(model, x);
        pass.Backward(model, data.Y);
        return (model, pass);
    }

    private static void Same(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Bits.Same(expected[i], actual[i], $"{what}[{i}]");
    }
}
