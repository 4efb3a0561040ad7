using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class CurvatureMetricsTests
{
    [Fact]
    public void Write_MeasuredAndOtherEpochs_AreTheInstrumentsRowsUnderTheCatalogsColumns()
    {
        var arch = Architecture.Parse("2,3,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 2);
        var data = GradientGateTests.SmallData(2, 2);
        var group = new CurvatureMetrics(arch, data, 0.2, every: 2, runSeed: 6);
        var instruments = new SharpnessInstruments(arch, data, 0.2, every: 2, runSeed: 6);
        var state = new EpochState(model, new BatchPass(arch, data.Count)) { Epoch = 4 };
        double[] row = new double[4], expected = new double[4];

        Assert.Equal(["sharpness", "hessian_min_eig", "hessian_trace", "sharpness_lr_over_2"], group.Columns);
        Assert.Equal(CurvatureMetrics.Layout(arch).Columns, group.Columns);
        group.Write(state, row);
        instruments.Observe(4, model, expected);
        Assert.Equal(expected, row);
        Assert.True(double.IsFinite(row[0]));

        state.Epoch = 5;
        group.Write(state, row);
        Assert.All(row, v => Assert.True(double.IsNaN(v)));
    }
}
