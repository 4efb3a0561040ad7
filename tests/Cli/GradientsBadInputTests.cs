using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>Unreadable or malformed model and data files, and models that do not fit: one line naming the file, no output written.</summary>
public sealed class GradientsBadInputTests : TempFolder
{
    private const string GoodData = "part,x1,x2,y\ntrain,0.5,-0.25,1\ntrain,-0.5,-0.5,0\ntest,0.1,0.2,0\n";

    private static string Model(string layers, string activation = "tanh", string format = "gradflow.mlp/1") =>
        $"{{\"format\":\"{format}\",\"activation\":\"{activation}\",\"layers\":[{layers}]}}";

    // [2,2,1]: two hidden units, one output.
    private const string GoodLayers = "{\"weights\":[[0.1,0.2],[0.3,-0.4]],\"bias\":[0,0.1]},{\"weights\":[[0.5],[-0.6]],\"bias\":[0.2]}";

    private CliResult Gradients(string modelJson, string dataCsv)
    {
        File.WriteAllText(Path("m.json"), modelJson);
        File.WriteAllText(Path("d.csv"), dataCsv);
        return Run("gradients", "--model", Path("m.json"), "--data", Path("d.csv"), "--out", Path("g.json"));
    }

    [Fact]
    public void Gradients_GoodFiles_Succeed() => Assert.Equal(0, Gradients(Model(GoodLayers), GoodData).Exit);

    [Fact]
    public void Gradients_MissingModelFile_NamesIt()
    {
        File.WriteAllText(Path("d.csv"), GoodData);
        var result = Run("gradients", "--model", Path("nope.json"), "--data", Path("d.csv"), "--out", Path("g.json"));
        AssertBadInput(result, "nope.json", Path("g.json"));
        Assert.Contains("--model", result.Err);
    }

    [Fact]
    public void Gradients_ModelIsAFolder_NamesIt()
    {
        Directory.CreateDirectory(Path("dir.json"));
        File.WriteAllText(Path("d.csv"), GoodData);
        AssertBadInput(Run("gradients", "--model", Path("dir.json"), "--data", Path("d.csv"), "--out", Path("g.json")), "dir.json", Path("g.json"));
    }

    [Theory]
    [InlineData("{\"format\":")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public void Gradients_ModelNotJsonObject_NamesTheFile(string json) =>
        AssertBadInput(Gradients(json, GoodData), "m.json", Path("g.json"));

    [Fact]
    public void Gradients_ModelWrongFormat_SaysWhichIsAccepted()
    {
        var result = Gradients(Model(GoodLayers, format: "keras/2"), GoodData);
        AssertBadInput(result, "m.json", Path("g.json"));
        Assert.Contains("gradflow.mlp/1", result.Err);
    }

    [Fact]
    public void Gradients_ModelUnknownActivation_ListsTheValidOnes()
    {
        var result = Gradients(Model(GoodLayers, activation: "swish"), GoodData);
        AssertBadInput(result, "swish", Path("g.json"));
        Assert.Contains("relu, tanh", result.Err);
    }

    [Theory]
    [InlineData("{\"weights\":[[0.1,0.2],[0.3]],\"bias\":[0,0]},{\"weights\":[[0.5],[0.6]],\"bias\":[0]}", "layers[0].weights[1]")]
    [InlineData("{\"weights\":[[0.1,0.2],[0.3,0.4]],\"bias\":[0]},{\"weights\":[[0.5],[0.6]],\"bias\":[0]}", "layers[0].bias")]
    [InlineData("{\"weights\":[[0.1,\"a\"],[0.3,0.4]],\"bias\":[0,0]},{\"weights\":[[0.5],[0.6]],\"bias\":[0]}", "layers[0].weights[0][1]")]
    [InlineData("{\"bias\":[0,0]},{\"weights\":[[0.5],[0.6]],\"bias\":[0]}", "weights")]
    [InlineData("", "layers is empty")]
    public void Gradients_ModelMalformedLayer_NamesTheField(string layers, string field) =>
        AssertBadInput(Gradients(Model(layers), GoodData), field, Path("g.json"));

    [Fact]
    public void Gradients_ModelShapesDoNotChain_SaysSo()
    {
        var layers = "{\"weights\":[[0.1,0.2],[0.3,0.4]],\"bias\":[0,0]},{\"weights\":[[0.5],[0.6],[0.7]],\"bias\":[0]}";
        AssertBadInput(Gradients(Model(layers), GoodData), "do not chain", Path("g.json"));
    }

    [Fact]
    public void Gradients_ModelOutputWiderThanOne_SaysSo()
    {
        var layers = "{\"weights\":[[0.1,0.2],[0.3,0.4]],\"bias\":[0,0]}";
        AssertBadInput(Gradients(Model(layers), GoodData), "fan_out 2", Path("g.json"));
    }

    [Fact]
    public void Gradients_ModelWidthDiffersFromData_NamesBoth()
    {
        var threeInputs = "{\"weights\":[[0.1],[0.2],[0.3]],\"bias\":[0]}";
        var result = Gradients(Model(threeInputs), GoodData);
        AssertBadInput(result, "--data", Path("g.json"));
        Assert.Contains("3 inputs", result.Err);
    }

    [Fact]
    public void Gradients_MissingDataFile_NamesIt()
    {
        File.WriteAllText(Path("m.json"), Model(GoodLayers));
        var result = Run("gradients", "--model", Path("m.json"), "--data", Path("nope.csv"), "--out", Path("g.json"));
        AssertBadInput(result, "nope.csv", Path("g.json"));
        Assert.Contains("--data", result.Err);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a,b,c\n1,2,0\n", "line 1")]
    [InlineData("part,x1,x2,y\ntrain,1,2\n", "line 2")]
    [InlineData("part,x1,x2,y\ntrain,1,2,0\ntrain,1,abc,0\n", "line 3")]
    [InlineData("part,x1,x2,y\nvalid,1,2,0\n", "part 'valid'")]
    [InlineData("x1,x2,y\n1,2,2\n", "y '2'")]
    [InlineData("part,x1,x2,y\ntest,1,2,0\n", "no train rows")]
    public void Gradients_MalformedData_NamesTheFileAndLine(string csv, string detail)
    {
        var result = Gradients(Model(GoodLayers), csv);
        AssertBadInput(result, "d.csv", Path("g.json"));
        Assert.Contains(detail, result.Err);
    }
}
