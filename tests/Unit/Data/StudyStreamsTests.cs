using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Random;

namespace GradFlow.Tests.Unit.Data;

/// <summary>
/// The library's own data, split and initialisation code (not just the generator) start from the
/// study's NumPy arrays, bit for bit: a seed means the same dataset and weights as default_rng(seed).
/// </summary>
public sealed class StudyStreamsTests
{
    public static TheoryData<string> Seeds => OracleVectors.SeedNames;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void XorGenerate_N300Noise01_EqualsNumPyArrays(string seed)
    {
        var xor = OracleVectors.ForSeed(seed).GetProperty("xor");
        var data = Xor.Generate(xor.GetProperty("n").GetInt32(), xor.GetProperty("noise").GetDouble(), UInt128.Parse(seed));

        BitAssert.Equal(OracleVectors.Bits(xor.GetProperty("X")), data.X, "X");
        BitAssert.Equal(OracleVectors.Bits(xor.GetProperty("y")), data.Y, "y");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void XorSplit_Quarter_TakesNumPyTestAndTrainRows(string seed)
    {
        var oracle = OracleVectors.ForSeed(seed);
        var xor = oracle.GetProperty("xor");
        var data = Xor.Generate(xor.GetProperty("n").GetInt32(), xor.GetProperty("noise").GetDouble(), UInt128.Parse(seed));
        var split = oracle.GetProperty("split");

        var parts = Xor.Split(data, 0.25, UInt128.Parse(seed));

        var expectedTest = data.Take(OracleVectors.Ints(split.GetProperty("test")));
        var expectedTrain = data.Take(OracleVectors.Ints(split.GetProperty("train")));
        Assert.Equal(expectedTest.X, parts.Test.X);
        Assert.Equal(expectedTrain.X, parts.Train.X);
        Assert.Equal(expectedTrain.Y, parts.Train.Y);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MlpInit_Xavier2x16x16x1_EqualsNumPyWeightsAndZeroBiases(string seed)
    {
        foreach (var entry in OracleVectors.ForSeed(seed).GetProperty("xavier").EnumerateArray())
        {
            double scale = entry.GetProperty("scale").GetDouble();
            var model = Mlp.Init(Architecture.Parse("2,16,16,1"), ActivationRegistry.Get("tanh"), InitScheme.Xavier, scale, UInt128.Parse(seed));

            var weights = model.Layers.SelectMany(l => l.Weights).ToArray();
            BitAssert.Equal(OracleVectors.Bits(entry.GetProperty("weights")), weights, $"xavier scale {scale}");
            Assert.All(model.Layers, l => Assert.All(l.Bias, b => Assert.Equal(0.0, b)));
        }
    }
}
