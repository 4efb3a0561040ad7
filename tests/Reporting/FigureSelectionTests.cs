using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Reporting;

/// <summary>Which figures a sweep gets, decided from its summaries alone (nothing is drawn here).</summary>
public sealed class FigureSelectionTests
{
    private static readonly AblationSpec TwoSeeds = Presets.Paper with { Activations = ["relu", "tanh"], Scales = [1.0], Seeds = [0, 1] };

    private static SettingSummary Summary(string activation, IReadOnlyList<string> metrics, Func<string, double> value) =>
        new(new SettingKey(activation, "xavier", 1.0), metrics, [0, 1, 2],
            metrics.Select(m => new[] { value(m), value(m), value(m) }).ToArray(),
            metrics.Select(_ => new[] { 0.1, 0.1, 0.1 }).ToArray(), SeedCount: 2, DivergedCount: 0);

    private static string[] Names(AblationSpec spec, params SettingSummary[] summaries) =>
        ReportWriter.FiguresOf(spec, summaries, []).Select(f => f.Name).ToArray();

    [Fact]
    public void MetricThatIsNaNThroughout_GetsNoFigure()
    {
        string[] metrics = ["test_acc", "z_near0_rate", "z_p90_abs"];
        double Value(string m) => m == "z_near0_rate" ? double.NaN : 0.5;
        var names = Names(TwoSeeds, Summary("relu", metrics, Value), Summary("tanh", metrics, Value));
        Assert.Contains("z_p90_abs", names);
        Assert.DoesNotContain("z_near0_rate", names);
    }

    [Fact]
    public void SettingWhoseSeedsAllDiverged_IsLeftOutOfTheFigures()
    {
        string[] metrics = ["test_acc"];
        var diverged = new SettingSummary(new SettingKey("tanh", "xavier", 1.0), metrics, [], [[]], [[]], SeedCount: 0, DivergedCount: 2);
        var figures = ReportWriter.FiguresOf(TwoSeeds, [Summary("relu", metrics, _ => 0.5), diverged], []);
        Assert.Contains(figures, f => f.Name == "accuracy_comparison");
        Assert.DoesNotContain(figures, f => f.Name == "accuracy_zoomed"); // tanh, the only smooth one, has nothing to show
    }

    [Fact]
    public void SeveralInitsAndScales_SuffixEveryFigureWithItsInitAndScale()
    {
        var spec = TwoSeeds with { Inits = ["xavier", "he"], Scales = [0.5, 1.0] };
        string[] metrics = ["test_acc"];
        var summaries = spec.Settings().Select(k => new SettingSummary(k, metrics, [0], [[0.5]], [[0.1]], 2, 0)).ToArray();
        var names = ReportWriter.FiguresOf(spec, summaries, []).Select(f => f.Name).Where(n => n.StartsWith("accuracy_comparison", StringComparison.Ordinal));
        Assert.Equal(["accuracy_comparison_xavier_s0p5", "accuracy_comparison_xavier_s1", "accuracy_comparison_he_s0p5", "accuracy_comparison_he_s1"], names);
    }
}
