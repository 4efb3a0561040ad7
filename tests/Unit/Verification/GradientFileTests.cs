using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Tests.Unit.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

public sealed class GradientFileTests
{
    private static LossGradient Gradient() => LossGradient.Compute(
        HandBuilt.Network(Activation<Tanh>.Instance, HandBuilt.Layer(2, 3, [0.1, -0.2, 0.3, 0.4, 0.5, -0.6], [0.01, 0.02, -0.03]),
            HandBuilt.Layer(3, 1, [0.7, -0.8, 0.9], [0.05])),
        Dataset.Create([0.0, 1.0, 1.0, 0.0, 0.3, -0.7], [1.0, 0.0, 1.0], 2));

    [Fact]
    public void ToJsonThenParse_AGradient_GivesBackEveryNumberBitForBit()
    {
        var gradient = Gradient();

        var back = GradientFile.Parse(GradientFile.ToJson(gradient), "g.json");

        Assert.Equal(BitConverter.DoubleToInt64Bits(gradient.Loss), BitConverter.DoubleToInt64Bits(back.Loss));
        Assert.Equal(gradient.Layers.Count, back.Layers.Count);
        for (int l = 0; l < gradient.Layers.Count; l++)
        {
            Assert.Equal((gradient.Layers[l].FanIn, gradient.Layers[l].FanOut), (back.Layers[l].FanIn, back.Layers[l].FanOut));
            Assert.Equal(gradient.Layers[l].Weights.Select(BitConverter.DoubleToInt64Bits), back.Layers[l].Weights.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(gradient.Layers[l].Bias.Select(BitConverter.DoubleToInt64Bits), back.Layers[l].Bias.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Read_AWrittenFile_GivesTheSameText()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gradflow-gradient-{Guid.NewGuid():N}.json");
        try
        {
            string json = GradientFile.ToJson(Gradient());
            File.WriteAllText(path, json);
            Assert.Equal(json, GradientFile.ToJson(GradientFile.Read(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_HandWrittenFile_ReadsLossAndLayers()
    {
        var g = GradientFile.Parse("{\"loss\": 0.5, \"layers\": [{\"weights\": [[0.25], [-1]], \"bias\": [2]}]}", "g.json");

        Assert.Equal(0.5, g.Loss);
        Assert.Equal((2, 1), (g.Layers[0].FanIn, g.Layers[0].FanOut));
        Assert.Equal([0.25, -1.0], g.Layers[0].Weights);
        Assert.Equal([2.0], g.Layers[0].Bias);
    }

    [Theory]
    [InlineData("[1]", "g.json: the top level is not an object; expected a gradient file")]
    [InlineData("{\"layers\": []}", "g.json: the top level has no \"loss\"; expected a gradient file")]
    [InlineData("{\"loss\": true, \"layers\": []}", "g.json: loss is true; expected a number")]
    public void Parse_BadFile_NamesTheSourceAndWhatIsWrong(string json, string start)
    {
        var e = Assert.Throws<InvalidDataException>(() => GradientFile.Parse(json, "g.json"));
        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
    }
}
