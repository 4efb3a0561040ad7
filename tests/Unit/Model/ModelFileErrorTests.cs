using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

/// <summary>Every way a model file can be wrong gets one line naming the file, the JSON path and what is accepted.</summary>
public sealed class ModelFileErrorTests
{
    private const string Head = "{\"format\": \"gradflow.mlp/1\", \"activation\": \"tanh\", ";

    [Theory]
    [InlineData("{\"format\": ", "m.json: not valid JSON at line 1, byte")]
    [InlineData("[]", "m.json: the top level is not an object; expected a model file")]
    [InlineData("{\"activation\": \"tanh\", \"layers\": []}", "m.json: the top level has no \"format\"; expected a string there")]
    [InlineData("{\"format\": 1, \"activation\": \"tanh\", \"layers\": []}", "m.json: format is a number; expected a string")]
    [InlineData("{\"format\": \"gradflow.mlp/0\", \"activation\": \"tanh\", \"layers\": []}", "m.json: format is \"gradflow.mlp/0\"; expected \"gradflow.mlp/1\"")]
    [InlineData("{\"format\": \"gradflow.mlp/1\", \"activation\": \"swish\", \"layers\": []}", "m.json: activation \"swish\" is unknown; valid: ")]
    [InlineData(Head + "\"layers\": {}}", "m.json: layers is an object; expected an array")]
    [InlineData(Head + "\"layers\": []}", "m.json: layers is empty; expected at least the output layer")]
    [InlineData(Head + "\"layers\": [3]}", "m.json: layers[0] is not an object; expected {\"weights\":[[..],..],\"bias\":[..]}")]
    [InlineData(Head + "\"layers\": [{\"bias\": [0]}]}", "m.json: layers[0] has no \"weights\"; expected an array there")]
    [InlineData(Head + "\"layers\": [{\"weights\": [], \"bias\": [0]}]}", "m.json: layers[0].weights is an empty array; expected a non-empty array of rows")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[]], \"bias\": [0]}]}", "m.json: layers[0].weights[0] is empty; expected fan_out >= 1 numbers per row")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1], [2, 3]], \"bias\": [0]}]}", "m.json: layers[0].weights[1] has 2 numbers but layers[0].weights[0] has 1; every row must have fan_out numbers")]
    [InlineData(Head + "\"layers\": [{\"weights\": [1], \"bias\": [0]}]}", "m.json: layers[0].weights[0] is a number; expected an array of numbers")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[\"x\"]], \"bias\": [0]}]}", "m.json: layers[0].weights[0][0] is the string \"x\"; expected a number")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[null]], \"bias\": [0]}]}", "m.json: layers[0].weights[0][0] is null; expected a number")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1]], \"bias\": [0, 1]}]}", "m.json: layers[0].bias has 2 numbers but the layer's weights have fan_out 1; expected one bias per output unit")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1, 2]], \"bias\": [0, 0]}, {\"weights\": [[1]], \"bias\": [0]}]}", "m.json: layer shapes do not chain: layers[1].weights has 1 rows (fan_in) but layers[0] has fan_out 2; expected equal")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1, 2]], \"bias\": [0, 0]}]}", "m.json: the output layer layers[0] has fan_out 2; expected 1 (one sigmoid unit)")]
    [InlineData("{\"format\": true}", "m.json: format is a boolean; expected a string")]
    [InlineData("{\"format\": false}", "m.json: format is a boolean; expected a string")]
    [InlineData("{\"format\": null}", "m.json: format is null; expected a string")]
    [InlineData("{\"format\": {}}", "m.json: format is an object; expected a string")]
    [InlineData("{\"format\": [1]}", "m.json: format is an array; expected a string")]
    [InlineData("{\"format\": \"gradflow.mlp/1\"}", "m.json: the top level has no \"activation\"; expected a string there")]
    [InlineData("{\"format\": \"gradflow.mlp/1\", \"activation\": 3}", "m.json: activation is a number; expected a string")]
    [InlineData(Head + "\"layers\": \"x\"}", "m.json: layers is a string; expected an array")]
    [InlineData("{\"format\": \"gradflow.mlp/1\", \"activation\": \"tanh\"}", "m.json: the top level has no \"layers\"; expected an array there")]
    [InlineData(Head + "\"layers\": [{\"weights\": \"w\", \"bias\": [0]}]}", "m.json: layers[0].weights is a string; expected an array")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1]]}]}", "m.json: layers[0] has no \"bias\"; expected an array there")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1]], \"bias\": 0}]}", "m.json: layers[0].bias is a number; expected an array")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1]], \"bias\": [\"one\"]}]}", "m.json: layers[0].bias[0] is the string \"one\"; expected a number (or \"NaN\", \"Infinity\", \"-Infinity\")")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1, true]], \"bias\": [0]}]}", "m.json: layers[0].weights[0][1] is true; expected a number")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1], [2], [{\n\"a\": 1}]], \"bias\": [0]}]}", "m.json: layers[0].weights[2][0] is { \"a\": 1}; expected a number")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1e400]], \"bias\": [0]}]}", "m.json: layers[0].weights[0][0] is 1e400; expected a number")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1], [2]], \"bias\": [0]}, {\"weights\": [[1]], \"bias\": [0]}, 5]}", "m.json: layers[2] is not an object")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1, 2], [3]], \"bias\": [0, 0]}]}", "m.json: layers[0].weights[1] has 1 numbers but layers[0].weights[0] has 2; every row must have fan_out numbers")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1], [2], [3, 4]], \"bias\": [0]}]}", "m.json: layers[0].weights[2] has 2 numbers")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1, 2]], \"bias\": [0]}]}", "m.json: layers[0].bias has 1 numbers but the layer's weights have fan_out 2")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1]], \"bias\": [0]}, {\"weights\": [[1, 2]], \"bias\": [0, 0]}, {\"weights\": [[1]], \"bias\": [0]}]}",
        "m.json: layer shapes do not chain: layers[2].weights has 1 rows (fan_in) but layers[1] has fan_out 2; expected equal")]
    [InlineData(Head + "\"layers\": [{\"weights\": [[1]], \"bias\": [0]}, {\"weights\": [[1, 2, 3]], \"bias\": [0, 0, 0]}]}", "m.json: the output layer layers[1] has fan_out 3; expected 1 (one sigmoid unit)")]
    [InlineData("{\"format\": \n\n  ]", "m.json: not valid JSON at line 3, byte 3; expected a model file {\"format\":\"gradflow.mlp/1\"")]
    public void Parse_BadModel_SaysWhereAndWhatIsWrong(string json, string start)
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Parse(json, "m.json"));
        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Parse_NonFiniteNumbersAsStrings_ReadsThem()
    {
        var model = ModelFile.Parse(Head + "\"layers\": [{\"weights\": [[\"NaN\"], [\"Infinity\"], [\"-Infinity\"]], \"bias\": [0.5]}]}", "m.json");

        Assert.True(double.IsNaN(model.Layers[0].Weights[0]));
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity], model.Layers[0].Weights[1..]);
    }

    [Fact]
    public void Read_AWrittenFile_GivesTheSameModelText()
    {
        string json = ModelFile.ToJson(HandBuilt.Network(GradFlow.Activations.Activation<GradFlow.Activations.Relu>.Instance,
            HandBuilt.Layer(2, 1, [0.25, -4.0], [1e-300])));
        string path = Path.Combine(Path.GetTempPath(), $"gradflow-model-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, json);
            Assert.Equal(json, ModelFile.ToJson(ModelFile.Read(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
