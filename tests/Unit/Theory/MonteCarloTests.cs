using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>
/// The maps against wide random networks drawn by GradFlow's own initialiser and passes: per network the
/// measured mean z² of each hidden layer and ‖δ^l‖²/‖δ^{l+1}‖², then their mean over independent
/// networks, within four of its standard errors (computed from the networks) of the data-aware prediction.
/// </summary>
public sealed class MonteCarloTests
{
    private const int Width = 1024;
    private const int Networks = 24;

    [Theory]
    [InlineData("relu", "xavier", 1.0)]
    [InlineData("relu", "he", 1.0)]
    [InlineData("tanh", "xavier", 2.0)]
    [InlineData("arctan", "xavier", 1.0)]
    [InlineData("softsign", "he", 1.0)]
    public void WideNetwork_AtInit_MatchesTheMapsWithinMonteCarloError(string activation, string init, double scale)
    {
        var arch = new Architecture([2, Width, Width, Width, 1]);
        var phi = ActivationRegistry.Get(activation);
        var scheme = InitSchemes.Parse(init);
        var rows = Xor.Generate(6, 0.1, 3);
        int hidden = arch.HiddenLayerCount;
        var meanSquare = new double[hidden][];
        var ratio = new double[hidden][];
        for (int l = 0; l < hidden; l++) { meanSquare[l] = new double[Networks]; ratio[l] = new double[Networks]; }

        var pass = new BatchPass(arch, rows.Count);
        for (int n = 0; n < Networks; n++)
        {
            var model = Mlp.Init(arch, phi, scheme, scale, (UInt128)n);
            pass.Forward(model, rows.X);
            pass.Backward(model, rows.Y);
            for (int l = 0; l < hidden; l++)
            {
                meanSquare[l][n] = SumOfSquares(pass.PreActivation(l)) / pass.PreActivation(l).Length;
                ratio[l][n] = SumOfSquares(pass.Delta(l)) / SumOfSquares(pass.Delta(l + 1));
            }
        }

        var predicted = NetworkTheory.PredictDataAware(arch, phi, scheme, scale, rows);
        for (int l = 0; l < hidden; l++)
        {
            Within(predicted.Hidden[l].Q, meanSquare[l], $"mean z² of layer {l + 1}");
            Within(predicted.Hidden[l].Chi, ratio[l], $"‖δ^{l + 1}‖²/‖δ^{l + 2}‖²");
        }
    }

    [Theory]
    [InlineData("relu", "xavier", 1.0)]
    [InlineData("tanh", "he", 1.0)]
    public void WideNetwork_OneRow_WeightGradientRatiosMatchTheMaps(string activation, string init, double scale)
    {
        // For one row ∂L/∂W^l = a^{l−1} ⊗ δ^l, so ‖∂L/∂W^l‖² = ‖a^{l−1}‖²‖δ^l‖²: the prediction has no cross terms to leave out.
        var arch = new Architecture([2, Width, Width, Width, 1]);
        var phi = ActivationRegistry.Get(activation);
        var scheme = InitSchemes.Parse(init);
        var row = Dataset.Create([0.7, -0.4], [1], 2);
        int hidden = arch.HiddenLayerCount;
        var ratio = new double[hidden - 1][];
        for (int l = 0; l < hidden - 1; l++) ratio[l] = new double[Networks];
        var pass = new BatchPass(arch, 1);
        for (int n = 0; n < Networks; n++)
        {
            var model = Mlp.Init(arch, phi, scheme, scale, (UInt128)(100 + n));
            pass.Forward(model, row.X);
            pass.Backward(model, row.Y);
            for (int l = 0; l < hidden - 1; l++) ratio[l][n] = SumOfSquares(pass.GradW(l)) / SumOfSquares(pass.GradW(hidden - 1));
        }
        var predicted = NetworkTheory.PredictDataAware(arch, phi, scheme, scale, row);
        for (int l = 0; l < hidden - 1; l++)
            Within(predicted.Hidden[l].WeightGradientRel * predicted.Hidden[l].WeightGradientRel, ratio[l], $"‖∂L/∂W^{l + 1}‖²/‖∂L/∂W^{hidden}‖²", decisive: 0.15);
    }

    private static void Within(double predicted, double[] samples, string what, double decisive = 0.08)
    {
        double mean = samples.Average();
        double se = Math.Sqrt(samples.Sum(v => (v - mean) * (v - mean)) / (samples.Length - 1) / samples.Length);
        // The check must be able to fail: four standard errors stay within 8 % of the prediction (15 % for one row's gradients).
        Assert.True(4 * se <= decisive * Math.Abs(predicted), $"{what}: the Monte Carlo error {se:G3} is too large to decide anything");
        Assert.True(Math.Abs(mean - predicted) <= 4 * se, $"{what}: measured {mean:G6} ± {se:G3} (s.e., {samples.Length} networks), predicted {predicted:G6}");
    }

    private static double SumOfSquares(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (double x in v) s += x * x;
        return s;
    }
}
