using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class ParameterLayoutTests
{
    // [3,4,2,1]: W1 is 3×4 (12 values) then b1 (4), W2 4×2 (8) then b2 (2), W3 2×1 (2) then b3 (1): 29 in all.
    private static readonly Architecture Arch = Architecture.Parse("3,4,2,1");

    [Fact]
    public void Offsets_ThreeLayerNetwork_AreTheRunningSumsOfEachLayersWeightsAndBias()
    {
        var layout = new ParameterLayout(Arch);

        Assert.Equal(29, layout.Count);
        Assert.Equal([0, 16, 26], Enumerable.Range(0, 3).Select(layout.WeightOffset));
        Assert.Equal([12, 24, 28], Enumerable.Range(0, 3).Select(layout.BiasOffset));
        Assert.Same(Arch, layout.Architecture);
    }

    [Fact]
    public void Id_EveryIndex_NamesTheParameterInTheGradientFilesOrder()
    {
        var layout = new ParameterLayout(Arch);
        var expected = new List<ParameterId>();
        for (int l = 0; l < Arch.LayerCount; l++)
        {
            int fanIn = Arch.Widths[l], fanOut = Arch.Widths[l + 1];
            for (int k = 0; k < fanIn; k++)
                for (int j = 0; j < fanOut; j++) expected.Add(ParameterId.Weight(l + 1, k, j));
            for (int j = 0; j < fanOut; j++) expected.Add(ParameterId.Bias(l + 1, j));
        }

        Assert.Equal(expected, Enumerable.Range(0, layout.Count).Select(layout.Id));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(29)]
    [InlineData(int.MinValue)]
    public void Id_OutsideTheVector_Throws(int index)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterLayout(Arch).Id(index));
        Assert.Contains("a model of 29 parameters", e.Message);
    }

    [Fact]
    public void Read_ThenWrite_PlacesEachLayersWeightsThenBias()
    {
        var layout = new ParameterLayout(Arch);
        var model = Mlp.Init(Arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 5);
        foreach (var layer in model.Layers)
            for (int j = 0; j < layer.Bias.Length; j++) layer.Bias[j] = 0.5 + j; // Xavier biases are 0, the vector's own start
        var theta = new double[layout.Count];

        layout.Read(model, theta);

        var flat = model.Layers.SelectMany(l => l.Weights.Concat(l.Bias)).ToArray();
        Assert.Equal(flat, theta);
        var shifted = theta.Select((t, i) => t + i).ToArray();
        layout.Write(shifted, model);
        Assert.Equal(shifted, model.Layers.SelectMany(l => l.Weights.Concat(l.Bias)));
    }

    [Fact]
    public void ReadAndWrite_WrongArchitectureOrLength_Throw()
    {
        var layout = new ParameterLayout(Arch);
        var model = Mlp.Init(Arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 5);
        var other = Mlp.Init(Architecture.Parse("3,4,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 5);

        Assert.Contains("model architecture [3,4,1] does not match the layout's [3,4,2,1]", Assert.Throws<ArgumentException>(() => layout.Read(other, new double[layout.Count])).Message);
        Assert.Throws<ArgumentException>(() => layout.Write(new double[layout.Count], other));
        Assert.Contains("a parameter vector of 30 values for a model of 29 parameters", Assert.Throws<ArgumentException>(() => layout.Read(model, new double[layout.Count + 1])).Message);
        Assert.Throws<ArgumentException>(() => layout.Write(new double[layout.Count - 1], model));
    }
}
