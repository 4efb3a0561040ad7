using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Reporting;

/// <summary>A small deep sweep: three hidden layers, two activations, two inits, three seeds.</summary>
public sealed class DeepTheorySweepFixture() : SweepFixture(Presets.Deep with
{
    Activations = ["relu", "tanh"],
    Arch = [2, 12, 12, 12, 1],
    Seeds = [0, 1, 2],
    N = 60,
    Epochs = 40,
});

/// <summary>report.md's theory section and figure: the mean-field prediction beside the runs at epoch 0 and the last epoch.</summary>
public sealed class TheorySectionTests(DeepTheorySweepFixture sweep) : IClassFixture<DeepTheorySweepFixture>
{
    private string Section => ReportWriterPaperTests.Section(sweep.Report, "## Theory at initialisation (mean field)");

    private string[] RowOf(string activation, string init, int layer) =>
        Section.Split('\n').Single(l => l.StartsWith($"| {activation} | {init} | 1 | {layer} |", StringComparison.Ordinal))
            .Split('|', StringSplitOptions.TrimEntries)[5..10];

    // The measured ratio at one logged row, geometric mean over seeds, recomputed here from the run logs.
    private double Measured(string activation, string init, int layer, bool last) =>
        Math.Exp(sweep.Outcome.Runs.Where(r => r.Key.Activation == activation && r.Key.Init == init)
            .Select(r => { int row = last ? r.Log.Count - 1 : 0; return Math.Log(r.Log[row, $"delta_norm_L{layer}"] / r.Log[row, "delta_norm_L3"]); })
            .Average());

    [Fact]
    public void Report_TheorySection_ComesBeforeTheFigures()
    {
        int theory = sweep.Report.IndexOf("## Theory at initialisation (mean field)", StringComparison.Ordinal);
        Assert.True(theory > 0 && theory < sweep.Report.IndexOf("## Figures", StringComparison.Ordinal));
        Assert.Contains("no longer applies", Section);
    }

    [Theory]
    [InlineData("relu", "xavier", 1)]
    [InlineData("relu", "he", 2)]
    [InlineData("tanh", "xavier", 2)]
    [InlineData("tanh", "he", 1)]
    public void Report_TheoryRow_IsThePredictionAndTheSeedsGeometricMean(string activation, string init, int layer)
    {
        var cells = RowOf(activation, init, layer);
        var prediction = TheoryPredictions.ForSetting(sweep.Spec, new SettingKey(activation, init, 1.0));
        Assert.Equal(Format.Number(prediction.DeltaRel(layer)), cells[0]);
        Assert.Equal(Format.Number(Measured(activation, init, layer, last: false)), cells[1]);
        Assert.Equal(Format.Number(Measured(activation, init, layer, last: true)), cells[3]);
    }

    [Fact]
    public void Report_ReluRows_AreTheClosedForm()
    {
        // ReLU: χ = 12·std²·½ between hidden layers; Xavier std² = 2/24 gives ½, He std² = 2/12 gives 1.
        Assert.Equal(Format.Number(0.5), RowOf("relu", "xavier", 1)[0]);
        Assert.Equal(Format.Number(Math.Sqrt(0.5)), RowOf("relu", "xavier", 2)[0]);
        Assert.Equal(Format.Number(1.0), RowOf("relu", "he", 1)[0]);
    }

    [Fact]
    public void Report_LastHiddenLayer_IsLeftOutOfTheTable() =>
        Assert.DoesNotContain(Section.Split('\n'), l => l.StartsWith("| relu | xavier | 1 | 3 |", StringComparison.Ordinal));

    [Theory]
    [InlineData("_xavier_s1")]
    [InlineData("_he_s1")]
    public void Write_TheoryFigure_IsWrittenPerInitAndScale(string suffix)
    {
        ImageFile.AssertFigurePng(Path.Combine(sweep.Plots, "theory_delta_rel" + suffix + ".png"));
        ImageFile.AssertFigureSvg(Path.Combine(sweep.Plots, "theory_delta_rel" + suffix + ".svg"));
        Assert.Contains($"plots/theory_delta_rel{suffix}.png", sweep.Report);
    }

    [Fact]
    public void Report_WeakestStart_NamesReluUnderXavier() =>
        Assert.Contains("xavier, scale 1: relu / relu", Section);
}
