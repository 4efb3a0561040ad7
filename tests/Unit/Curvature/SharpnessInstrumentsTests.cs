using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class SharpnessInstrumentsTests
{
    [Fact]
    public void Observe_EveryKthEpoch_MeasuresTheDenseSpectrumAndNaNsBetween()
    {
        const double eta = 0.3;
        var arch = Architecture.Parse("2,5,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 2);
        var data = GradientGateTests.SmallData(2, 2);
        var instruments = new SharpnessInstruments(arch, data, eta, every: 3, runSeed: 4, new CurvatureOptions(LanczosSteps: 40, LanczosTolerance: 1e-12, ExactTraceMaxParameters: 100));
        var row = new double[4];

        instruments.Observe(3, model, row);

        var h = DenseHessian.Compute(model, data);
        var dense = SymmetricEigen.Decompose(h, vectors: false);
        Assert.Equal(dense.Max, row[0], 9);
        Assert.Equal(dense.Min, row[1], 9);
        Assert.Equal(h.Trace, row[2], 12);
        Assert.Equal(row[0] * eta / 2, row[3]);

        instruments.Observe(4, model, row);
        Assert.All(row, v => Assert.True(double.IsNaN(v)));
    }
}
