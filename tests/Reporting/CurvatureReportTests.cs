using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Reporting;

/// <summary>The curvature figures and report section, from a real two-rate sweep with the curvature instruments on.</summary>
public sealed class CurvatureReportTests(CurvatureSweepFixture sweep) : IClassFixture<CurvatureSweepFixture>
{
    [Theory]
    [InlineData("sharpness_xavier_s1_lr0p1")]
    [InlineData("sharpness_xavier_s1_lr2")]
    [InlineData("update_ratio_heatmap_relu_xavier_s1_lr2")]
    [InlineData("update_ratio_heatmap_tanh_xavier_s1_lr0p1")]
    [InlineData("spectrum_xavier_s1_lr0p1")]
    [InlineData("spectrum_xavier_s1_lr2")]
    public void Write_CurvatureRecorded_DrawsItsFigures(string name)
    {
        ImageFile.AssertFigurePng(Path.Combine(sweep.Directory, "plots", name + ".png"));
        ImageFile.AssertFigureSvg(Path.Combine(sweep.Directory, "plots", name + ".svg"));
    }

    [Fact]
    public void Sharpness_ShowsTheStabilityEdgeOfItsRate()
    {
        var texts = ImageFile.SvgTexts(Path.Combine(sweep.Directory, "plots", "sharpness_xavier_s1_lr2.svg"));
        Assert.Contains("2/η = 1", texts);
        Assert.Contains("relu", texts);
    }

    [Fact]
    public void Report_HasTheCurvatureSectionWithOneRowPerSettingInWords()
    {
        Assert.Contains("## Curvature and the edge of stability", sweep.Report);
        var rows = sweep.Report.Split('\n').Where(l => l.StartsWith("| relu | xavier | 1 |", StringComparison.Ordinal) || l.StartsWith("| tanh | xavier | 1 |", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, rows.Count(r => r.Contains("stable region", StringComparison.Ordinal) || r.Contains("edge", StringComparison.Ordinal)));
        Assert.Contains("relu (η 2)", sweep.Report);
    }

    [Theory]
    [InlineData(0.1, "far inside the stable region")]
    [InlineData(0.6, "inside the stable region, approaching the edge")]
    [InlineData(1.0, "at the edge of stability")]
    [InlineData(1.5, "beyond the edge")]
    public void Words_SecondHalfRatio_ReadsAgainstTheEdge(double ratio, string expected) =>
        Assert.StartsWith(expected, CurvatureSection.Words(ratio, 1.0, 3.0));

    [Theory]
    [InlineData(1, "every epoch")]
    [InlineData(2, "every 2nd epoch")]
    [InlineData(3, "every 3rd epoch")]
    [InlineData(10, "every 10th epoch")]
    [InlineData(11, "every 11th epoch")]
    [InlineData(12, "every 12th epoch")]
    [InlineData(21, "every 21st epoch")]
    [InlineData(113, "every 113th epoch")]
    public void EveryKth_CurvatureEvery_IsEnglish(int every, string expected) => Assert.Equal(expected, CurvatureSection.EveryKth(every));

    [Fact]
    public void Words_NoRise_SaysItDidNotSharpen() => Assert.EndsWith("did not sharpen", CurvatureSection.Words(1.0, 1.0, 1.1));
}

public sealed class CurvatureSweepFixture() : SweepFixture(Presets.Paper with
{
    Name = "curvature", Activations = ["relu", "tanh"], Scales = [1.0], Seeds = [0, 1], N = 60, Epochs = 30, LearningRates = [0.1, 2.0], CurvatureEvery = 5,
});
