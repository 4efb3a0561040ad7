using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Metrics;

public sealed class MetricCatalogTests
{
    [Fact]
    public void Patterns_EveryDeclaration_NamesADistinctColumnPattern() =>
        Assert.Equal(MetricCatalog.Patterns.Count, MetricCatalog.Patterns.Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void All_EveryDeclaration_HasMeaningUnitAndAKnownGroup()
    {
        Assert.All(MetricCatalog.All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Title));
            Assert.False(string.IsNullOrWhiteSpace(m.Axis));
            Assert.False(string.IsNullOrWhiteSpace(m.Unit));
            Assert.Contains(m.Group, new[] { MetricCatalog.CoreGroup, MetricCatalog.GradientFlowGroup });
            Assert.Equal(m.IsPerLayer, m.Title.Contains("{i}", StringComparison.Ordinal)); // a per-layer title names its layer
        });
        Assert.Equal(MetricCatalog.Core, MetricCatalog.All.Where(m => m.Group == MetricCatalog.CoreGroup));
        Assert.Equal(MetricCatalog.GradientFlow, MetricCatalog.All.Where(m => m.Group == MetricCatalog.GradientFlowGroup));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Find_EveryColumnOfEveryDeclaration_ReadsBackAsItsMetricAndLayer(int layerCount)
    {
        foreach (var m in MetricCatalog.All)
        {
            var columns = m.Columns(layerCount).ToArray();
            for (int i = 0; i < columns.Length; i++)
            {
                var found = MetricCatalog.Find(columns[i]);
                Assert.NotNull(found);
                Assert.Same(m, found.Metric);
                Assert.Equal(m.IsPerLayer ? i + 1 : null, found.Layer);
            }
        }
    }

    [Theory]
    [InlineData("no_such_metric")]
    [InlineData("grad_norm")]       // per-layer only
    [InlineData("train_loss_L2")]   // whole-network only
    [InlineData("grad_norm_Lx")]
    [InlineData("dead_units")]
    public void Find_UndeclaredColumn_Null(string column) => Assert.Null(MetricCatalog.Find(column));

    [Fact]
    public void Find_PooledAndPerLayerOfOneName_AreDistinctDeclarations()
    {
        Assert.Equal("Mean |φ′(z)|", MetricCatalog.Find("dphi_mean_abs")!.Title);
        Assert.Equal("Mean |φ′(z)| in hidden layer 2", MetricCatalog.Find("dphi_mean_abs_L2")!.Title);
        Assert.Equal("‖∂L/∂W3‖ (Frobenius)", MetricCatalog.Find("grad_norm_L3")!.Axis);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void ColumnBound_LayerCount_CountsCoreAndGradientFlowColumns(int layers)
    {
        // Core 4 + 2 per layer; gradient flow 9 pooled + 4 per hidden layer + 1 per layer.
        long expected = 4 + 2 * layers + 9 + 4 * (layers - 1) + layers;
        Assert.Equal(expected, MetricCatalog.ColumnBound(layers));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.0)]
    public void RunColumns_Sweep_AreTheCatalogInDeclarationOrder(double testSize)
    {
        var spec = new AblationSpec { Arch = [2, 5, 4, 3, 1], TestSize = testSize };

        var expected = MetricCatalog.All.Where(m => testSize > 0 || !m.NeedsTestSplit).SelectMany(m => m.Columns(4));
        Assert.Equal(expected, RunExecutor.Columns(spec, "tanh"));
        Assert.Equal(testSize > 0, RunExecutor.Columns(spec, "tanh").Contains("test_acc"));
    }

    [Fact]
    public void Accuracy_WithAndWithoutSplit_TestThenTrainAccuracy()
    {
        Assert.Same(MetricCatalog.TestAccuracy, MetricCatalog.Accuracy(hasTestSplit: true));
        Assert.Same(MetricCatalog.TrainAccuracy, MetricCatalog.Accuracy(hasTestSplit: false));
        Assert.True(MetricCatalog.TestAccuracy.HigherIsBetter);
        Assert.False(MetricCatalog.TestLoss.HigherIsBetter);
    }
}
