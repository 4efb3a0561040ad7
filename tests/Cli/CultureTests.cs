using System.Globalization;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>Under a comma-decimal culture every number parsed and written is still invariant ("0.5", never "0,5").</summary>
public sealed class CultureTests : TempFolder
{
    private static T UnderGerman<T>(Func<T> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Fact]
    public void Dataset_UnderCommaDecimalCulture_ParsesAndWritesInvariantNumbers()
    {
        var result = UnderGerman(() => Run("dataset", "--n", "20", "--noise", "0.25", "--seed", "5", "--test-size", "0.5", "--out", Path("d.csv")));

        Assert.True(result.Exit == 0, result.ToString());
        var lines = File.ReadAllLines(Path("d.csv"));
        Assert.All(lines.Skip(1), l => Assert.Equal(4, l.Split(',').Length));
        Assert.Contains(lines, l => l.Contains('.'));
        DatasetTests.AssertSameRows(Xor.Split(Xor.Generate(20, 0.25, 5), 0.5, 5).Train, DataFile.Read(Path("d.csv")).Train);
    }

    [Fact]
    public void InitAndGradients_UnderCommaDecimalCulture_WriteInvariantJson()
    {
        var (init, gradients) = UnderGerman(() =>
        {
            var i = Run("init", "--arch", "2,3,1", "--scale", "1.5", "--out", Path("m.json"));
            Run("dataset", "--n", "10", "--noise", "0.1", "--seed", "2", "--out", Path("d.csv"));
            var g = Run("gradients", "--model", Path("m.json"), "--data", Path("d.csv"));
            return (i, g);
        });

        Assert.Equal(0, init.Exit);
        Assert.Equal(0, gradients.Exit);
        var expected = Mlp.Init(Architecture.Parse("2,3,1"), Activations.ActivationRegistry.Get("tanh"), InitScheme.Xavier, 1.5, 42);
        Assert.Equal(expected.Layers[0].Weights, ModelFile.Read(Path("m.json")).Layers[0].Weights);
        Assert.DoesNotContain("0,", File.ReadAllText(Path("m.json")).Replace(", ", " "));
        Assert.DoesNotContain("0,", gradients.Out.Replace(", ", " "));
        // The printed gradient is a gradient file: it parses back with the model's layer shapes.
        var printed = GradientFile.Parse(gradients.Out, "stdout");
        Assert.Equal([6, 3], printed.Layers.Select(l => l.Weights.Length));
    }

    [Fact]
    public void Run_UnderCommaDecimalCulture_ReadsOptionsAndWritesResultsInvariantly()
    {
        var result = UnderGerman(() => Run("run", "--preset", "smoke", "--epochs", "3", "--n", "40", "--lr", "0.5", "--scales", "0.5", "--out", Path("r")));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("lr 0.5,", result.Out);
        var final = File.ReadAllLines(Path("r", "final.csv"));
        Assert.StartsWith("relu,xavier,0.5,1,3,0.5,0.1,0.25,", final[1]);
        Assert.True(File.Exists(Path("r", "runs", "relu_xavier_s0p5_seed0.csv")));
        Assert.Contains("0.", final[1]);
    }

    [Fact]
    public void Gradcheck_UnderCommaDecimalCulture_PrintsInvariantNumbers()
    {
        var result = UnderGerman(() => Run("gradcheck", "--activation", "tanh", "--arch", "2,3,1", "--scale", "0.5"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("rtol 1E-06", result.Out);
        Assert.DoesNotMatch(@"\d,\d\d", result.Out); // indices such as W1[0,2] have one digit in [2,3,1]
    }
}
