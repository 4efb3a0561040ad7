using GradFlow.Activations;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

public sealed class MlpTests
{
    [Fact]
    public void Constructor_LayersThatDoNotChain_ThrowsNamingBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp(Activation<Tanh>.Instance, [new Layer(2, 3), new Layer(4, 1)]));

        Assert.Contains("fan_out 3", e.Message);
        Assert.Contains("fan_in 4", e.Message);
    }

    [Fact]
    public void Constructor_OutputLayerWiderThanOne_ThrowsNamingItsWidth()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp(Activation<Tanh>.Instance, [new Layer(2, 3), new Layer(3, 2)]));

        Assert.Contains("one unit", e.Message);
        Assert.Contains("2", e.Message);
    }

    [Fact]
    public void Constructor_NoLayers_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Mlp(Activation<Tanh>.Instance, []));
    }

    [Fact]
    public void Constructor_ChainingLayers_DerivesTheArchitecture()
    {
        var model = new Mlp(Activation<Tanh>.Instance, [new Layer(3, 5), new Layer(5, 4), new Layer(4, 1)]);

        Assert.Equal(Architecture.Parse("3,5,4,1"), model.Architecture);
        Assert.Equal(3 * 5 + 5 + 5 * 4 + 4 + 4 * 1 + 1, model.ParameterCount);
    }

    [Fact]
    public void Clone_ChangingTheCopy_LeavesTheOriginal()
    {
        var model = Mlp.Init(Architecture.Parse("2,3,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);
        double before = model.Layers[0].Weights[0];

        var copy = model.Clone();
        copy.Layers[0].Weights[0] += 1.0;
        copy.Layers[1].Bias[0] = 5.0;

        Assert.Equal(before, model.Layers[0].Weights[0]);
        Assert.Equal(0.0, model.Layers[1].Bias[0]);
    }

    [Fact]
    public void LayerW_IndexIJ_IsRowMajorOverFanOut()
    {
        var layer = new Layer(2, 3);

        layer.W(1, 2) = 7.0;

        Assert.Equal(7.0, layer.Weights[1 * 3 + 2]);
    }
}
