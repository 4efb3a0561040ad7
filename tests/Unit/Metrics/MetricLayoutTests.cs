using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Metrics;

public sealed class MetricLayoutTests
{
    [Fact]
    public void IndexOf_MixedScopes_CountsEachMetricsColumnsBeforeIt()
    {
        var layout = new MetricLayout([MetricCatalog.TrainLoss, MetricCatalog.GradNorm, MetricCatalog.DeadUnits, MetricCatalog.ZNear0Rate], layerCount: 3);

        Assert.Equal(["train_loss", "grad_norm_L1", "grad_norm_L2", "grad_norm_L3", "dead_units_L1", "dead_units_L2", "z_near0_rate"], layout.Columns);
        Assert.Equal(0, layout.IndexOf(MetricCatalog.TrainLoss));
        Assert.Equal(3, layout.IndexOf(MetricCatalog.GradNorm, 2));
        Assert.Equal(5, layout.IndexOf(MetricCatalog.DeadUnits, 1));
        Assert.Equal(6, layout.IndexOf(MetricCatalog.ZNear0Rate));
    }

    [Fact]
    public void Constructor_NoTestSplit_LeavesTestMetricsOut()
    {
        var layout = new MetricLayout(MetricCatalog.Core, layerCount: 1, hasTestSplit: false);

        Assert.Equal(["train_loss", "train_acc", "grad_norm_L1", "grad_rms_L1"], layout.Columns);
        Assert.False(layout.Contains(MetricCatalog.TestAccuracy));
        Assert.Throws<KeyNotFoundException>(() => layout.IndexOf(MetricCatalog.TestAccuracy));
    }

    [Fact]
    public void Constructor_MetricListedTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new MetricLayout([MetricCatalog.TrainLoss, MetricCatalog.TrainLoss], 2));
}
