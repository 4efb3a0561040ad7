using GradFlow.Data;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>gradflow dataset</c> writes the study's points and split, as the data CSV of docs/ARCHITECTURE.md.</summary>
public sealed class DatasetTests : TempFolder
{
    [Fact]
    public void Dataset_N300TestSizeQuarter_WritesTrainRowsThenTestRowsInTheStudysOrder()
    {
        var result = Run("dataset", "--n", "300", "--noise", "0.1", "--seed", "7", "--test-size", "0.25", "--out", Path("d.csv"));

        Assert.True(result.Exit == 0, result.ToString());
        var lines = File.ReadAllLines(Path("d.csv"));
        Assert.Equal("part,x1,x2,y", lines[0]);
        Assert.Equal(301, lines.Length);
        Assert.All(lines[1..226], l => Assert.StartsWith("train,", l));
        Assert.All(lines[226..], l => Assert.StartsWith("test,", l));
        var expected = Xor.Split(Xor.Generate(300, 0.1, 7), 0.25, 7);
        var read = DataFile.Read(Path("d.csv"));
        AssertSameRows(expected.Train, read.Train);
        AssertSameRows(expected.Test, read.Test);
    }

    [Fact]
    public void Dataset_TestSizeZero_WritesEveryRowAsTrainInGenerationOrder()
    {
        var result = Run("dataset", "--n", "50", "--noise", "0.3", "--seed", "11", "--test-size", "0", "--relabel-after-noise", "--out", Path("d.csv"));

        Assert.True(result.Exit == 0, result.ToString());
        var read = DataFile.Read(Path("d.csv"));
        AssertSameRows(Xor.Generate(50, 0.3, 11, relabelAfterNoise: true), read.Train);
        Assert.Equal(0, read.Test.Count);
    }

    [Fact]
    public void Dataset_WithoutOut_WritesTheCsvToStdout()
    {
        var result = Run("dataset", "--n", "5", "--noise", "0", "--seed", "1");

        Assert.Equal(0, result.Exit);
        var read = DataFile.Read(new StringReader(result.Out), "stdout");
        AssertSameRows(Xor.Generate(5, 0, 1), read.Train);
    }

    /// <summary>Row by row, bit for bit: the file holds round-trip numbers.</summary>
    internal static void AssertSameRows(Dataset expected, Dataset actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Features, actual.Features);
        Assert.Equal(expected.X.Select(BitConverter.DoubleToInt64Bits), actual.X.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Y, actual.Y);
    }
}
