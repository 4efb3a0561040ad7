using System.Text.Json;
using GradFlow.Activations;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

/// <summary>The model file's text, written out by hand from the format, and the readers' one-line errors.</summary>
public sealed class JsonArraysTests
{
    private const string Head = "{\"format\": \"gradflow.mlp/1\", \"activation\": \"tanh\", ";

    [Fact]
    public void ToJson_TwoLayers_IsTheDocumentedLayoutOneWeightRowPerLine()
    {
        var model = HandBuilt.Network(Activation<Relu>.Instance,
            HandBuilt.Layer(2, 2, [0.25, -4, 1, double.NaN], [0.5, double.PositiveInfinity]),
            HandBuilt.Layer(2, 1, [1e-300, -0.0], [double.NegativeInfinity]));

        const string expected = """
            {
              "format": "gradflow.mlp/1",
              "activation": "relu",
              "layers": [
                {
                  "weights": [
                    [0.25, -4],
                    [1, "NaN"]
                  ],
                  "bias": [0.5, "Infinity"]
                },
                {
                  "weights": [
                    [1E-300],
                    [-0]
                  ],
                  "bias": ["-Infinity"]
                }
              ]
            }

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), ModelFile.ToJson(model));
    }

    [Fact]
    public void WriteRow_NoValues_IsEmptyBrackets()
    {
        var w = new StringWriter();
        JsonArrays.WriteRow(w, []);
        Assert.Equal("[]", w.ToString());
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(-double.Epsilon, "-5E-324")]
    public void Number_AnyDouble_IsRoundTripTextOrTheNonFiniteString(double value, string expected)
    {
        Assert.Equal(expected, JsonArrays.Number(value));
    }

    [Fact]
    public void Parse_UnknownActivation_ListsEveryRegisteredNameCommaSeparated()
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Parse("{\"format\": \"gradflow.mlp/1\", \"activation\": \"swish\", \"layers\": []}", "m.json"));

        Assert.Equal($"m.json: activation \"swish\" is unknown; valid: {string.Join(", ", ActivationRegistry.Names)}", e.Message);
        Assert.Contains("relu, ", e.Message);
    }

    [Fact]
    public void Parse_CommentsInTheFile_AreSkipped()
    {
        var model = ModelFile.Parse("// a model\n" + Head + "/* one layer */ \"layers\": [{\"weights\": [[2], [3]], \"bias\": [-1]}]}", "m.json");

        Assert.Equal([2.0, 3.0], model.Layers[0].Weights);
        Assert.Equal([-1.0], model.Layers[0].Bias);
        Assert.Equal("tanh", model.Activation.Name);
    }

    [Fact]
    public void Parse_ThreeLayers_KeepsEveryShapeAndValueInOrder()
    {
        var model = ModelFile.Parse(Head + "\"layers\": [{\"weights\": [[1, 2, 3]], \"bias\": [4, 5, 6]}, "
            + "{\"weights\": [[7, 8], [9, 10], [11, 12]], \"bias\": [13, 14]}, {\"weights\": [[15], [16]], \"bias\": [17]}]}", "m.json");

        Assert.Equal(Architecture.Parse("1,3,2,1"), model.Architecture);
        Assert.Equal([7.0, 8, 9, 10, 11, 12], model.Layers[1].Weights);
        Assert.Equal([13.0, 14], model.Layers[1].Bias);
        Assert.Equal([15.0, 16], model.Layers[2].Weights);
        Assert.Equal([17.0], model.Layers[2].Bias);
    }

    [Fact]
    public void ReadMatrix_NotAnArray_SaysWhatItIs()
    {
        using var doc = JsonDocument.Parse("{\"w\": 3}");
        var e = Assert.Throws<InvalidDataException>(() => JsonArrays.ReadMatrix(doc.RootElement.GetProperty("w"), "g.json", "w"));
        Assert.Equal("g.json: w is a number; expected a non-empty array of rows (fan_in rows of fan_out numbers)", e.Message);
    }

    [Fact]
    public void ReadVector_AbsentElement_IsMissing()
    {
        var e = Assert.Throws<InvalidDataException>(() => JsonArrays.ReadVector(default, "g.json", "v"));
        Assert.Equal("g.json: v is missing; expected an array of numbers", e.Message);
    }

    [Fact]
    public void ReadNumber_NumberAndNonFiniteStrings_AreTheirValues()
    {
        using var doc = JsonDocument.Parse("[-2.5, \"NaN\", \"Infinity\", \"-Infinity\"]");
        var items = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(-2.5, JsonArrays.ReadNumber(items[0], "g.json", "x"));
        Assert.True(double.IsNaN(JsonArrays.ReadNumber(items[1], "g.json", "x")));
        Assert.Equal(double.PositiveInfinity, JsonArrays.ReadNumber(items[2], "g.json", "x"));
        Assert.Equal(double.NegativeInfinity, JsonArrays.ReadNumber(items[3], "g.json", "x"));
    }
}
