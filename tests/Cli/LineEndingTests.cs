using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>CSV files with CRLF or CR-only line endings read as with "\n"; GradFlow writes "\n".</summary>
public sealed class LineEndingTests : TempFolder
{
    private string DataWith(string newline)
    {
        var written = Run("dataset", "--n", "12", "--out", Path("d.csv"));
        Assert.True(written.Exit == 0, written.ToString());
        string text = File.ReadAllText(Path("d.csv"));
        Assert.DoesNotContain("\r", text);
        string path = Path($"d{newline.Length}{(newline == "\r" ? "cr" : "")}.csv");
        File.WriteAllText(path, text.Replace("\n", newline));
        return path;
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Gradients_DataFileWithCrlfOrCrEndings_GivesTheGradientOfTheLfFile(string newline)
    {
        Assert.Equal(0, Run("init", "--arch", "2,3,1", "--out", Path("m.json")).Exit);
        string crlf = DataWith(newline);

        var lf = Run("gradients", "--model", Path("m.json"), "--data", Path("d.csv"));
        var other = Run("gradients", "--model", Path("m.json"), "--data", crlf);

        Assert.True(other.Exit == 0, other.ToString());
        Assert.Equal(lf.Out, other.Out);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Plot_SummariesWithCrlfOrCrEndings_AreRead(string newline)
    {
        Assert.Equal(0, Run("run", "--preset", "smoke", "--epochs", "3", "--n", "40", "--out", Path("r")).Exit);
        foreach (var f in Directory.GetFiles(Path("r", "summary")))
            File.WriteAllText(f, File.ReadAllText(f).Replace("\n", newline));

        var result = Run("plot", "--results", Path("r"), "--metric", "train_loss", "--save", Path("f.png"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.True(File.Exists(Path("f.png")));
    }
}
