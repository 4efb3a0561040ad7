using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

public sealed class LayerTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    [InlineData(-1, 2)]
    public void Constructor_ShapeNotPositive_ThrowsNamingTheShape(int fanIn, int fanOut)
    {
        var e = Assert.Throws<ArgumentException>(() => new Layer(fanIn, fanOut));

        Assert.Equal($"layer shape must be positive, got ({fanIn}, {fanOut})", e.Message);
    }

    [Fact]
    public void Constructor_OneByOne_HoldsOneZeroWeightAndBias()
    {
        var layer = new Layer(1, 1);

        Assert.Equal([0.0], layer.Weights);
        Assert.Equal([0.0], layer.Bias);
    }

    [Fact]
    public void Constructor_Shape_SizesWeightsFanInTimesFanOutAndBiasFanOut()
    {
        var layer = new Layer(4, 3);

        Assert.Equal(4, layer.FanIn);
        Assert.Equal(3, layer.FanOut);
        Assert.Equal(12, layer.Weights.Length);
        Assert.Equal(3, layer.Bias.Length);
    }

    [Fact]
    public void Clone_SetLayer_CopiesEveryWeightAndBiasIntoNewArrays()
    {
        var layer = HandBuilt.Layer(2, 3, [1, 2, 3, 4, 5, 6], [-1, -2, -3]);

        var copy = layer.Clone();

        Assert.Equal((2, 3), (copy.FanIn, copy.FanOut));
        Assert.Equal([1.0, 2, 3, 4, 5, 6], copy.Weights);
        Assert.Equal([-1.0, -2, -3], copy.Bias);
        Assert.NotSame(layer.Weights, copy.Weights);
        Assert.NotSame(layer.Bias, copy.Bias);
    }

    [Fact]
    public void W_EveryIndex_IsRowIOfFanOutColumns()
    {
        var layer = HandBuilt.Layer(2, 3, [1, 2, 3, 4, 5, 6], [0, 0, 0]);

        Assert.Equal(1.0, layer.W(0, 0));
        Assert.Equal(3.0, layer.W(0, 2));
        Assert.Equal(4.0, layer.W(1, 0));
        Assert.Equal(6.0, layer.W(1, 2));
    }
}
