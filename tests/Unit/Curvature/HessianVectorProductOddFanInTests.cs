using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Numerics;
using GradFlow.Tests.Unit.Verification;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Curvature;

/// <summary>
/// The row kernels' R-backward takes the units of a layer's input two at a time and an odd last one alone. That lone
/// unit's sum runs over all 2·fan_out interleaved rows of R(δ) and δ; with fan_out = 1 the shapes of the other tests never
/// told a row count of 2·fan_out from one of 2 (the same number). These layers have fan_out ≥ 2 and an odd fan-in on the
/// row kernels, and each column of H is held to the central difference of the gradient (checked by the gradient gate).
/// </summary>
public sealed class HessianVectorProductOddFanInTests
{
    [Theory]
    [InlineData("2,3,2,1", true)]  // layer 2 on the row kernels: fan-in 3, fan-out 2, a lone third unit
    [InlineData("2,1,3,1", false)] // layer 2: fan-in 1 (never tiled by shape), fan-out 3
    public void Apply_OddFanInOverSeveralOutputs_IsTheCentralDifferenceOfTheGradient(string archText, bool rowKernels)
    {
        var path = rowKernels ? KernelPath.Rows : KernelPath.ByShape;
        var arch = Architecture.Parse(archText);
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.5, 6);
        var data = GradientGateTests.SmallData(arch.Inputs, 6);
        var hvp = new HessianVectorProduct(arch, data.Count, RPassFault.None, path);
        hvp.Prepare(model, data);
        int p = hvp.ParameterCount;
        var e = new double[p];
        var column = new double[p];
        var expected = new double[p][];
        for (int j = 0; j < p; j++) expected[j] = CentralDifferenceColumn(model, data, j);
        double scale = expected.SelectMany(c => c).Max(Math.Abs);

        for (int j = 0; j < p; j++)
        {
            Array.Clear(e);
            e[j] = 1;
            hvp.Apply(e, column);
            // Step 1e-5 on a tanh net with O(1) weights: truncation about h²·|∂³L| and rounding about u·|∇L|/h, both near 1e-10.
            for (int i = 0; i < p; i++)
                Assert.True(Math.Abs(column[i] - expected[j][i]) <= 1e-7 * scale, $"H[{i},{j}] = {column[i]:R}, central difference {expected[j][i]:R}");
        }
    }

    // (∇L(θ + h·e_j) − ∇L(θ − h·e_j)) / 2h, parameters in layer order, each layer's weights then its bias.
    private static double[] CentralDifferenceColumn(Mlp model, Dataset data, int j)
    {
        const double h = 1e-5;
        var plus = Shifted(model, j, h);
        var minus = Shifted(model, j, -h);
        var gPlus = Flat(LossGradient.Compute(plus, data));
        var gMinus = Flat(LossGradient.Compute(minus, data));
        return gPlus.Zip(gMinus, (a, b) => (a - b) / (2 * h)).ToArray();
    }

    private static Mlp Shifted(Mlp model, int index, double by)
    {
        var copy = model.Clone();
        foreach (var layer in copy.Layers)
        {
            if (index < layer.Weights.Length)
            {
                layer.Weights[index] += by;
                return copy;
            }
            index -= layer.Weights.Length;
            if (index < layer.Bias.Length)
            {
                layer.Bias[index] += by;
                return copy;
            }
            index -= layer.Bias.Length;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    private static double[] Flat(LossGradient g) => g.Layers.SelectMany(l => l.Weights.Concat(l.Bias)).ToArray();
}
