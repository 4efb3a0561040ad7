using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>gradflow init</c> and <c>gradflow gradients</c>: a model initialised by GradFlow, differentiated by GradFlow, checked by the gate.</summary>
public sealed class ModelTests : TempFolder
{
    [Fact]
    public void Init_WritesTheStudysInitialisation_BitForBit()
    {
        var result = Run("init", "--arch", "2,5,3,1", "--activation", "softsign", "--init", "he", "--scale", "0.5", "--seed", "9", "--out", Path("m.json"));

        Assert.True(result.Exit == 0, result.ToString());
        var expected = Mlp.Init(Architecture.Parse("2,5,3,1"), ActivationRegistry.Get("softsign"), InitScheme.He, 0.5, 9);
        var read = ModelFile.Read(Path("m.json"));
        Assert.Equal("softsign", read.Activation.Name);
        Assert.Equal(expected.Architecture, read.Architecture);
        for (int l = 0; l < expected.Layers.Count; l++)
        {
            Assert.Equal(Bits(expected.Layers[l].Weights), Bits(read.Layers[l].Weights));
            Assert.Equal(Bits(expected.Layers[l].Bias), Bits(read.Layers[l].Bias));
        }
    }

    [Fact]
    public void Init_WritesWeightsAsFanInRowsOfFanOutNumbers()
    {
        var result = Run("init", "--arch", "3,2,1");

        Assert.Equal(0, result.Exit);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal("gradflow.mlp/1", doc.RootElement.GetProperty("format").GetString());
        Assert.Equal("tanh", doc.RootElement.GetProperty("activation").GetString());
        var first = doc.RootElement.GetProperty("layers")[0];
        Assert.Equal(3, first.GetProperty("weights").GetArrayLength());
        Assert.Equal(2, first.GetProperty("weights")[0].GetArrayLength());
        Assert.Equal(2, first.GetProperty("bias").GetArrayLength());
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("relu")]
    [InlineData("gelu")]
    public void InitThenGradients_GiveTheGradientTheCheckerAgreesWith(string activation)
    {
        Assert.Equal(0, Run("init", "--arch", "2,6,4,1", "--activation", activation, "--seed", "3", "--out", Path("m.json")).Exit);
        Assert.Equal(0, Run("dataset", "--n", "40", "--noise", "0.1", "--seed", "3", "--test-size", "0.25", "--out", Path("d.csv")).Exit);

        var result = Run("gradients", "--model", Path("m.json"), "--data", Path("d.csv"), "--out", Path("g.json"));

        Assert.True(result.Exit == 0, result.ToString());
        var model = ModelFile.Read(Path("m.json"));
        var train = Xor.Split(Xor.Generate(40, 0.1, 3), 0.25, 3).Train;
        var written = GradientFile.Read(Path("g.json"));
        var analytic = LossGradient.Compute(model, train).Layers;
        Assert.Equal(analytic.Count, written.Layers.Count);
        for (int l = 0; l < analytic.Count; l++)
        {
            Assert.Equal(Bits(analytic[l].Weights), Bits(written.Layers[l].Weights));
            Assert.Equal(Bits(analytic[l].Bias), Bits(written.Layers[l].Bias));
        }
        var report = GradientChecker.Compare(model, train, written.Layers, GradientCheckOptions.Default);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(new NumericalGradient(model.Clone(), train).Loss(), written.Loss, 15);
    }

    [Fact]
    public void Gradients_PlainCsvWithoutPart_UsesEveryRow()
    {
        Assert.Equal(0, Run("init", "--arch", "3,2,1", "--out", Path("m.json")).Exit);
        File.WriteAllText(Path("d.csv"), "x1,x2,x3,y\n0.5,-1,2,1\n0.25,0.5,-0.75,0\n");

        var result = Run("gradients", "--model", Path("m.json"), "--data", Path("d.csv"));

        Assert.True(result.Exit == 0, result.ToString());
        var data = Dataset.Create([0.5, -1, 2, 0.25, 0.5, -0.75], [1, 0], 3);
        var expected = LossGradient.Compute(ModelFile.Read(Path("m.json")), data);
        var written = GradientFile.Parse(result.Out, "stdout");
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Loss), BitConverter.DoubleToInt64Bits(written.Loss));
        Assert.Equal(Bits(expected.Layers[0].Weights), Bits(written.Layers[0].Weights));
    }

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
