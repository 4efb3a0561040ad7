using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Model;

/// <summary>
/// The passes' fixed summation orders, to the bit: z is b plus the terms k = 0, 1, … fused one by one
/// (<see cref="Kernels.LinearCombination"/>), ∂L/∂W[k, j] is <see cref="Kernels.Dot"/> of a[k, :] and
/// δ[j, :] along the batch, δ_prev is W's row times δ fused in order j = 0, 1, … then ⊙ φ′ — however
/// many units the kernels take at once.
/// </summary>
public sealed class BatchPassKernelOrderTests
{
    [Theory]
    [InlineData("2,16,16,1", 225)]
    [InlineData("3,5,1", 37)]
    [InlineData("2,7,3,1", 19)]
    [InlineData("2,1", 8)]
    [InlineData("2,40,33,1", 67)]
    [InlineData("3,64,64,1", 50)]
    public void ForwardAndBackward_AnyWidths_EqualOneKernelCallPerUnitBitForBit(string archText, int rows)
    {
        var arch = Architecture.Parse(archText);
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.5, 4);
        var data = Xor.Generate(rows, 0.2, 4);
        var x = new double[rows * arch.Inputs];
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < arch.Inputs; k++) x[r * arch.Inputs + k] = data.X[r * data.Features + k % data.Features] * (k + 1);
        var pass = new BatchPass(arch, rows);
        pass.Forward(model, x);
        pass.Backward(model, data.Y);

        var input = new double[arch.Inputs * rows];
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < arch.Inputs; k++) input[k * rows + r] = x[r * arch.Inputs + k];
        for (int l = 0; l < arch.LayerCount; l++)
        {
            var layer = model.Layers[l];
            var a = l == 0 ? input : pass.Output(l - 1).ToArray();
            var delta = pass.Delta(l);
            var z = new double[rows];
            for (int j = 0; j < layer.FanOut; j++)
            {
                Kernels.LinearCombination(a, layer.FanIn, layer.Weights.AsSpan(j), layer.FanOut, layer.Bias[j], z);
                for (int r = 0; r < rows; r++) Same(z[r], pass.PreActivation(l)[j * rows + r], $"z L{l + 1}[{j}, {r}]");
                for (int k = 0; k < layer.FanIn; k++)
                    Same(Kernels.Dot(a.AsSpan(k * rows, rows), delta.Slice(j * rows, rows)), pass.GradW(l)[k * layer.FanOut + j], $"∂L/∂W L{l + 1}[{k}, {j}]");
            }
            if (l == 0) continue;
            var deltaPrev = new double[rows];
            for (int k = 0; k < layer.FanIn; k++)
            {
                Kernels.LinearCombination(delta, layer.FanOut, layer.Weights.AsSpan(k * layer.FanOut, layer.FanOut), 1, 0.0, deltaPrev);
                for (int r = 0; r < rows; r++)
                    Same(deltaPrev[r] * pass.PhiPrime(l - 1)[k * rows + r], pass.Delta(l - 1)[k * rows + r], $"δ L{l}[{k}, {r}]");
            }
        }
    }

    private static void Same(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");
}
