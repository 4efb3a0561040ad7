using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class DynamicsMetricsTests
{
    [Fact]
    public void Write_OneEpoch_IsTheInstrumentsRowUnderTheCatalogsColumns()
    {
        var arch = Architecture.Parse("2,4,3,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);
        var data = GradientGateTests.SmallData(2, 3);
        var pass = new BatchPass(arch, data.Count);
        pass.Forward(model, data.X);
        pass.Backward(model, data.Y);
        var group = new DynamicsMetrics(model, 0.5);
        var instruments = new OptimizationInstruments(model, 0.5);
        double[] row = new double[6], expected = new double[6];

        group.Write(new EpochState(model, pass), row);
        instruments.Observe(model, pass, expected);

        Assert.Equal(["update_ratio_L1", "update_ratio_L2", "update_ratio_L3", "distance_from_init", "grad_cosine", "step_alpha"], group.Columns);
        Assert.Equal(DynamicsMetrics.Layout(arch).Columns, group.Columns);
        Assert.Equal(expected, row);
        Assert.True(row[0] > 0);
    }
}
