using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Reporting;

public sealed class MetricPlotTests(MetricPlotFixture results) : IClassFixture<MetricPlotFixture>
{
    private static readonly PlotFilter TanhAtTwo = new(["tanh"], "xavier", 2.0);

    [Fact]
    public void Save_Svg_DrawsTheChosenMetricOfTheFilteredSettings()
    {
        string path = results.OutPath("loss.svg");
        MetricPlot.Save(results.Store, "train_loss", TanhAtTwo, new AxisLimits(0, 20, 0.3, 0.8), path);
        ImageFile.AssertFigureSvg(path);
        var texts = ImageFile.SvgTexts(path);
        Assert.Contains("tanh", texts);
        Assert.DoesNotContain("relu", texts);
        Assert.Contains(texts, t => t.StartsWith("Train loss — xavier, scale 2", StringComparison.Ordinal));
        Assert.Contains("binary cross-entropy (nats)", texts);
    }

    [Fact]
    public void Save_Png_WritesAFigureOfTheConfiguredSize()
    {
        string path = results.OutPath("acc.png");
        MetricPlot.Save(results.Store, "test_acc", PlotFilter.All, new AxisLimits(null, null, 0, 1), path);
        ImageFile.AssertFigurePng(path);
    }

    [Fact]
    public void Draw_WithEveryLimit_ShowsExactlyThoseLimits()
    {
        var limits = MetricPlot.Draw(results.Store, "train_acc", TanhAtTwo, new AxisLimits(5, 25, 0.3, 0.9)).Axes.GetLimits();
        Assert.Equal((5.0, 25.0, 0.3, 0.9), (limits.Left, limits.Right, limits.Bottom, limits.Top));
    }

    [Fact]
    public void Draw_WithOneLimit_FitsTheOthersToTheData()
    {
        var limits = MetricPlot.Draw(results.Store, "train_acc", TanhAtTwo, new AxisLimits(null, 10, null, null)).Axes.GetLimits();
        Assert.Equal(10.0, limits.Right);
        Assert.True(limits.Left <= 0, $"left {limits.Left} should reach back to the first epoch");
        Assert.True(limits.Bottom < limits.Top);
    }

    [Fact]
    public void Draw_LogMetric_TakesItsLimitsInDataUnits()
    {
        var limits = MetricPlot.Draw(results.Store, "grad_norm_L1", TanhAtTwo, new AxisLimits(null, null, 1e-3, 10)).Axes.GetLimits();
        Assert.Equal(-3.0, limits.Bottom, 12);
        Assert.Equal(1.0, limits.Top, 12);
    }

    [Fact]
    public void Save_NoFilterOverSeveralScales_LabelsEachSettingInTheLegend()
    {
        string path = results.OutPath("all.svg");
        MetricPlot.Save(results.Store, "train_loss", PlotFilter.All, AxisLimits.Auto, path);
        var texts = ImageFile.SvgTexts(path);
        foreach (var label in new[] { "relu (xavier, scale 0.5)", "relu (xavier, scale 2)", "tanh (xavier, scale 0.5)", "tanh (xavier, scale 2)" })
            Assert.Contains(label, texts);
    }

    [Fact]
    public void Save_UnknownMetric_NamesTheRecordedOnesAndWritesNothing()
    {
        string path = results.OutPath("x.png");
        var e = Assert.Throws<SpecException>(() => MetricPlot.Save(results.Store, "no_such_metric", PlotFilter.All, AxisLimits.Auto, path));
        Assert.Contains("no_such_metric", e.Message);
        Assert.Contains("train_loss", e.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void Save_ActivationNotInTheSweep_NamesTheSweepsActivations()
    {
        var e = Assert.Throws<SpecException>(() => MetricPlot.Save(results.Store, "train_loss", new PlotFilter(["softsign"], null, null), AxisLimits.Auto, results.OutPath("x.png")));
        Assert.Contains("softsign", e.Message);
        Assert.Contains("relu, tanh", e.Message);
    }

    [Fact]
    public void Save_ScaleNotInTheSweep_Throws() =>
        Assert.Throws<SpecException>(() => MetricPlot.Save(results.Store, "train_loss", new PlotFilter(null, null, 1.0), AxisLimits.Auto, results.OutPath("x.png")));

    [Fact]
    public void Save_InitNotInTheSweep_Throws() =>
        Assert.Throws<SpecException>(() => MetricPlot.Save(results.Store, "train_loss", new PlotFilter(null, "he", null), AxisLimits.Auto, results.OutPath("x.png")));

    [Theory]
    [InlineData("figure.pdf")]
    [InlineData("figure")]
    public void Save_ExtensionOtherThanPngOrSvg_Throws(string name) =>
        Assert.Throws<SpecException>(() => MetricPlot.Save(results.Store, "train_loss", PlotFilter.All, AxisLimits.Auto, results.OutPath(name)));

    [Fact]
    public void Save_InvertedLimits_Throws() =>
        Assert.Throws<SpecException>(() => MetricPlot.Save(results.Store, "train_loss", PlotFilter.All, new AxisLimits(10, 5, null, null), results.OutPath("x.png")));

    [Fact]
    public void Save_NonPositiveLimitOnALogMetric_Throws() =>
        Assert.Throws<SpecException>(() => MetricPlot.Save(results.Store, "grad_norm_L1", PlotFilter.All, new AxisLimits(null, null, 0, 1), results.OutPath("x.png")));

    [Fact]
    public void Save_FolderWithoutManifest_Throws()
    {
        var empty = new ResultStore(results.OutPath("empty"));
        var e = Assert.Throws<SpecException>(() => MetricPlot.Save(empty, "train_loss", PlotFilter.All, AxisLimits.Auto, results.OutPath("x.png")));
        Assert.Contains("manifest.json", e.Message);
    }
}
