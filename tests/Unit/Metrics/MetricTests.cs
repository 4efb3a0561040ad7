using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Metrics;

/// <summary>One metric declaration: its column names per scope, its words with the layer filled in, and misuse.</summary>
public sealed class MetricTests
{
    private static Metric Declared(MetricScope scope, string? shortName = null) =>
        new("x", scope, "g", "X of layer {i}", "x{i} (units)", "units", LogAxis: false, HigherIsBetter: null, Short: shortName);

    [Fact]
    public void Columns_EachScope_NameTheLayersItRecords()
    {
        Assert.Equal(["x"], Declared(MetricScope.Network).Columns(4));
        Assert.Equal(["x_L1", "x_L2", "x_L3", "x_L4"], Declared(MetricScope.Layer).Columns(4));
        Assert.Equal(["x_L1", "x_L2", "x_L3"], Declared(MetricScope.HiddenLayer).Columns(4));
        Assert.Empty(Declared(MetricScope.HiddenLayer).Columns(1)); // one weight layer: no hidden layer
    }

    [Theory]
    [InlineData(MetricScope.Network, 0, 1)]
    [InlineData(MetricScope.Network, 5, 1)]
    [InlineData(MetricScope.Layer, 1, 1)]
    [InlineData(MetricScope.Layer, 5, 5)]
    [InlineData(MetricScope.HiddenLayer, 5, 4)]
    [InlineData(MetricScope.HiddenLayer, 1, 0)]
    [InlineData(MetricScope.HiddenLayer, 0, 0)] // never a negative count
    public void ColumnCount_ScopeAndLayers_OnePerColumn(MetricScope scope, int layers, int expected) =>
        Assert.Equal(expected, Declared(scope).ColumnCount(layers));

    [Fact]
    public void Pattern_PerLayerAndNetwork_NamesTheLayerPlaceholderOnlyPerLayer()
    {
        Assert.Equal("x", Declared(MetricScope.Network).Pattern);
        Assert.Equal("x_L{i}", Declared(MetricScope.Layer).Pattern);
        Assert.Equal("x_L{i}", Declared(MetricScope.HiddenLayer).Pattern);
        Assert.False(Declared(MetricScope.Network).IsPerLayer);
        Assert.True(Declared(MetricScope.HiddenLayer).IsPerLayer);
    }

    [Fact]
    public void Column_WrongScope_ThrowsNamingTheMetric()
    {
        Assert.Equal("x", Declared(MetricScope.Network).Column());
        Assert.Equal("x_L12", Declared(MetricScope.Layer).Column(12));
        var perLayer = Assert.Throws<InvalidOperationException>(() => Declared(MetricScope.Layer).Column());
        Assert.Contains("x_L{i} is recorded per layer", perLayer.Message);
        var network = Assert.Throws<InvalidOperationException>(() => Declared(MetricScope.Network).Column(2));
        Assert.Contains("x is not recorded per layer", network.Message);
    }

    [Fact]
    public void TitleOfAndAxisOf_LayerOrNone_FillOrDropThePlaceholder()
    {
        var m = Declared(MetricScope.Layer);
        Assert.Equal("X of layer 3", m.TitleOf(3));
        Assert.Equal("x3 (units)", m.AxisOf(3));
        Assert.Equal("X of layer ", m.TitleOf(null));
        Assert.Equal("x (units)", m.AxisOf(null));
        var column = new MetricColumn(m, 2);
        Assert.Equal("X of layer 2", column.Title);
        Assert.Equal("x2 (units)", column.Axis);
    }

    [Fact]
    public void ShortName_WithAndWithoutShort_TheShortOrTheName()
    {
        Assert.Equal("x", Declared(MetricScope.Network).ShortName);
        Assert.Equal("ex", Declared(MetricScope.Network, "ex").ShortName);
    }
}
