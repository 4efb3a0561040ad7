using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class OptimizationInstrumentsTests
{
    private static double[] Flat(LossGradient g) => g.Layers.SelectMany(l => l.Weights.Concat(l.Bias)).ToArray();

    private static double[] Theta(Mlp m) => m.Layers.SelectMany(l => l.Weights.Concat(l.Bias)).ToArray();

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void Observe_ThreeEpochsOfDescent_MatchesTheDefinitionsFromTheCheckedGradient()
    {
        const double eta = 0.5;
        var arch = Architecture.Parse("2,4,3,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);
        var data = GradientGateTests.SmallData(2, 3);
        var theta0 = Theta(model);
        var instruments = new OptimizationInstruments(model, eta);
        var pass = new BatchPass(arch, data.Count);
        var row = new double[instruments.Columns.Count];
        double[]? previous = null;
        for (int epoch = 0; epoch < 3; epoch++)
        {
            pass.Forward(model, data.X);
            pass.Backward(model, data.Y);
            instruments.Observe(model, pass, row);

            // The oracle: the gradient the gradient gate checks, and the definitions written out.
            var g = LossGradient.Compute(model, data);
            var flat = Flat(g);
            for (int l = 0; l < arch.LayerCount; l++)
            {
                double gn = Math.Sqrt(g.Layers[l].Weights.Sum(x => x * x)), wn = Math.Sqrt(model.Layers[l].Weights.Sum(x => x * x));
                Assert.Equal(eta * gn / wn, row[l], 12);
            }
            double distance = Math.Sqrt(Theta(model).Zip(theta0, (a, b) => (a - b) * (a - b)).Sum());
            Assert.Equal(distance, row[arch.LayerCount], 12);
            if (previous is null)
            {
                Assert.Equal(0.0, row[arch.LayerCount]);
                Assert.True(double.IsNaN(row[arch.LayerCount + 1]) && double.IsNaN(row[arch.LayerCount + 2]));
            }
            else
            {
                Assert.Equal(Dot(flat, previous) / Math.Sqrt(Dot(flat, flat) * Dot(previous, previous)), row[arch.LayerCount + 1], 12);
                Assert.Equal(-Dot(flat, previous) / Dot(previous, previous), row[arch.LayerCount + 2], 12);
            }
            previous = flat;
            pass.Step(model, eta);
        }
    }
}
