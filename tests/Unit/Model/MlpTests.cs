using GradFlow.Activations;
using GradFlow.Model;
using GradFlow.Random;

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

    [Fact]
    public void Constructor_ThirdLayerDoesNotChain_NamesTheLayersOneBased()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp(Activation<Tanh>.Instance, [new Layer(2, 3), new Layer(3, 4), new Layer(5, 1)]));

        Assert.Equal("layer shapes do not chain: layer 2 has fan_out 4 but layer 3 has fan_in 5", e.Message);
    }

    [Fact]
    public void Constructor_OutputLayerWiderThanOne_MessageNamesTheRuleAndWidth()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp(Activation<Tanh>.Instance, [new Layer(2, 3)]));

        Assert.Equal("the output layer must have one unit, got 3", e.Message);
    }

    [Fact]
    public void Constructor_NoLayers_SaysANetworkNeedsOne()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp(Activation<Tanh>.Instance, []));

        Assert.Equal("a network needs at least one layer", e.Message);
    }

    [Fact]
    public void Constructor_OneLayer_IsLogisticRegressionWithItsInputs()
    {
        var model = new Mlp(Activation<Relu>.Instance, [new Layer(6, 1)]);

        Assert.Equal(6, model.Inputs);
        Assert.Equal(Architecture.Parse("6,1"), model.Architecture);
        Assert.Equal(7, model.ParameterCount);
        Assert.Same(Activation<Relu>.Instance, model.Activation);
    }

    [Fact]
    public void ActivationKinks_Relu_IsTheKinkAtZero()
    {
        var model = new Mlp(Activation<Relu>.Instance, [new Layer(2, 1)]);

        Assert.Equal(Activation<Relu>.Instance.Kinks, model.ActivationKinks);
        Assert.Equal([0.0], model.ActivationKinks);
    }

    [Fact]
    public void Clone_SetNetwork_HasTheSameActivationArchitectureAndParameters()
    {
        var model = HandBuilt.Network(Activation<Relu>.Instance, HandBuilt.Layer(2, 2, [1, 2, 3, 4], [5, 6]), HandBuilt.Layer(2, 1, [7, 8], [9]));

        var copy = model.Clone();

        Assert.Same(model.Activation, copy.Activation);
        Assert.Equal(model.Architecture, copy.Architecture);
        Assert.Equal([1.0, 2, 3, 4], copy.Layers[0].Weights);
        Assert.Equal([5.0, 6], copy.Layers[0].Bias);
        Assert.Equal([7.0, 8], copy.Layers[1].Weights);
        Assert.Equal([9.0], copy.Layers[1].Bias);
    }

    [Fact]
    public void Init_TwoLayers_DrawsOneNormalPerLayerInLayerOrderFromOneStream()
    {
        // The documented stream: default_rng(seed), then normal(0, std_l) of fan_in·fan_out values per layer, in order.
        var arch = Architecture.Parse("3,4,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.He, 2.0, 77);
        var rng = Generator.DefaultRng(77);
        var first = new double[12];
        var second = new double[4];
        rng.Normal(0.0, 2.0 * Math.Sqrt(2.0 / 3), first);
        rng.Normal(0.0, 2.0 * Math.Sqrt(2.0 / 4), second);

        Assert.Equal(first, model.Layers[0].Weights);
        Assert.Equal(second, model.Layers[1].Weights);
        Assert.Same(Activation<Tanh>.Instance, model.Activation);
        Assert.Equal(arch, model.Architecture);
    }

    [Fact]
    public void Init_SmallestScaleAndLargestFinite_AreAccepted()
    {
        Assert.Equal(3, Mlp.Init(Architecture.Parse("2,1"), Activation<Tanh>.Instance, InitScheme.He, double.Epsilon, 1).ParameterCount);
        Assert.Equal(3, Mlp.Init(Architecture.Parse("2,1"), Activation<Tanh>.Instance, InitScheme.Gaussian, double.MaxValue, 1).ParameterCount);
    }

    [Fact]
    public void Init_NegativeInfinityScale_ThrowsNamingTheParameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Init(Architecture.Parse("2,1"), Activation<Tanh>.Instance, InitScheme.He, double.NegativeInfinity, 1));

        Assert.Equal("scale", e.ParamName);
    }
}
