using System.Text.RegularExpressions;

namespace GradFlow.Tests.Reporting;

/// <summary>ReportWriter on the single-seed study without a test split, run under a comma-decimal culture.</summary>
public sealed class ReportWriterSeedTests(SeedSweepFixture sweep) : IClassFixture<SeedSweepFixture>
{
    [Theory]
    [InlineData("accuracy_comparison")]
    [InlineData("accuracy_zoomed")]
    public void Write_SingleSeed_WritesTheAccuracyFigureUnderItsPlainName(string name)
    {
        ImageFile.AssertFigurePng(Path.Combine(sweep.Plots, name + ".png"));
        ImageFile.AssertFigureSvg(Path.Combine(sweep.Plots, name + ".svg"));
    }

    [Fact]
    public void Write_SingleSeed_DrawsNoMultiSeedStudyFigures()
    {
        foreach (var m in new[] { "test_acc", "z_near0_rate", "z_p90_abs", "dphi_p01_abs" })
            Assert.False(File.Exists(Path.Combine(sweep.Plots, m + ".png")), $"{m}.png is a multi-seed figure");
    }

    [Fact]
    public void Write_NoTestSplit_ComparesTrainAccuracy()
    {
        var texts = ImageFile.SvgTexts(Path.Combine(sweep.Plots, "accuracy_comparison.svg"));
        Assert.Contains(texts, t => t.StartsWith("Train accuracy", StringComparison.Ordinal) && t.Contains("seed 42", StringComparison.Ordinal));
        Assert.Contains("| test size | 0 (no split) |", sweep.Report);
    }

    [Fact]
    public void Report_UnderCommaCulture_WritesInvariantNumbers()
    {
        Assert.Contains("| learning rate | 0.05 ", sweep.Report);
        Assert.Contains("| noise | 0.1 ", sweep.Report);
        Assert.DoesNotMatch(new Regex(@"\d,\d"), sweep.Report);
    }

    [Fact]
    public void Figures_UnderCommaCulture_HaveInvariantTickLabels()
    {
        Assert.Contains(ImageFile.SvgTexts(Path.Combine(sweep.Plots, "accuracy_comparison.svg")), t => Regex.IsMatch(t, @"^0\.\d+$"));
        foreach (var svg in Directory.GetFiles(sweep.Plots, "*.svg"))
            Assert.DoesNotContain(ImageFile.SvgTexts(svg), t => Regex.IsMatch(t, @"^-?\d+,\d+$"));
    }

    [Fact]
    public void Report_SingleSeed_SaysThePairwiseTestCannotTell()
    {
        string pairs = ReportWriterPaperTests.Section(sweep.Report, "## Pairwise tests");
        Assert.Contains("too few seeds to tell", pairs);
        Assert.DoesNotContain(pairs.Split('\n'), l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains(" beats ", StringComparison.Ordinal));
    }
}
