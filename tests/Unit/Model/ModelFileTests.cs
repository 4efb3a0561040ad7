using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Model;

/// <summary>The model, gradient and data files read back exactly what was written.</summary>
public sealed class ModelFileTests
{
    [Fact]
    public void ModelFile_RoundTrip_IsBitExactIncludingNonFiniteAndSignedZero()
    {
        var model = Mlp.Init(Architecture.Parse("3,4,1"), ActivationRegistry.Get("elu"), InitScheme.Lecun, 2.0, 5);
        model.Layers[0].Weights[0] = double.NaN;
        model.Layers[0].Weights[1] = double.NegativeInfinity;
        model.Layers[0].Weights[2] = -0.0;
        model.Layers[0].Bias[0] = double.Epsilon;
        model.Layers[1].Bias[0] = 1e300;

        var read = ModelFile.Parse(ModelFile.ToJson(model), "test");

        Assert.Equal("elu", read.Activation.Name);
        for (int l = 0; l < model.Layers.Count; l++)
        {
            Assert.Equal(Bits(model.Layers[l].Weights), Bits(read.Layers[l].Weights));
            Assert.Equal(Bits(model.Layers[l].Bias), Bits(read.Layers[l].Bias));
        }
    }

    [Fact]
    public void ModelFile_WeightsRows_AreFanInRowsOfFanOut()
    {
        var read = ModelFile.Parse("""{"format":"gradflow.mlp/1","activation":"relu","layers":[{"weights":[[1,2,3],[4,5,6]],"bias":[0,0,0]},{"weights":[[1],[2],[3]],"bias":[0.5]}]}""", "test");

        Assert.Equal(2, read.Layers[0].FanIn);
        Assert.Equal(3, read.Layers[0].FanOut);
        Assert.Equal(6.0, read.Layers[0].W(1, 2));
        Assert.Equal(2.0, read.Layers[0].W(0, 1));
    }

    [Fact]
    public void GradientFile_RoundTrip_IsBitExact()
    {
        var model = Mlp.Init(Architecture.Parse("2,3,1"), ActivationRegistry.Get("tanh"), InitScheme.Xavier, 1.0, 1);
        var gradient = LossGradient.Compute(model, Xor.Generate(10, 0.1, 1));

        var read = GradientFile.Parse(GradientFile.ToJson(gradient), "test");

        Assert.Equal(BitConverter.DoubleToInt64Bits(gradient.Loss), BitConverter.DoubleToInt64Bits(read.Loss));
        for (int l = 0; l < gradient.Layers.Count; l++)
        {
            Assert.Equal(Bits(gradient.Layers[l].Weights), Bits(read.Layers[l].Weights));
            Assert.Equal(Bits(gradient.Layers[l].Bias), Bits(read.Layers[l].Bias));
        }
    }

    [Fact]
    public void DataFile_RoundTrip_KeepsPartsAndOrderBitExact()
    {
        var split = Xor.Split(Xor.Generate(21, 0.2, 3), 0.3, 3);

        var read = DataFile.Read(new StringReader(DataFile.ToCsv(split)), "test");

        Assert.Equal(Bits(split.Train.X), Bits(read.Train.X));
        Assert.Equal(split.Train.Y, read.Train.Y);
        Assert.Equal(Bits(split.Test.X), Bits(read.Test.X));
        Assert.Equal(split.Test.Y, read.Test.Y);
    }

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
