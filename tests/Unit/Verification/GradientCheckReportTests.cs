using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

/// <summary>The report's ranking, lines and summary, on hand-made entries (atol 1, rtol 0: the tolerance is 1).</summary>
public sealed class GradientCheckReportTests
{
    private static readonly GradientCheckOptions Unit = new(Atol: 1.0, Rtol: 0.0);

    // |analytic − numeric| = error against tolerance 1, so Excess = error.
    private static ParameterCheck Entry(ParameterId id, double error, bool crossesKink = false) =>
        new(id, error, 0.0, crossesKink);

    [Fact]
    public void Worst_MixedEntries_ReturnsTheLargestExcessFirstAndSkipsKinkCrossings()
    {
        var report = new GradientCheckReport(
            [Entry(ParameterId.Weight(1, 0, 0), 0.5), Entry(ParameterId.Weight(1, 0, 1), 9.0, crossesKink: true),
             Entry(ParameterId.Bias(1, 0), 3.0), Entry(ParameterId.Weight(2, 0, 0), 2.0)], Unit);

        Assert.Equal(["b1[0]", "W2[0,0]"], report.Worst(2).Select(e => e.Id.ToString()));
    }

    [Fact]
    public void WorstPerLayer_TwoLayers_ReturnsEachLayersWorstCheckedEntryInLayerOrder()
    {
        var report = new GradientCheckReport(
            [Entry(ParameterId.Weight(2, 0, 0), 0.1), Entry(ParameterId.Weight(1, 0, 0), 0.2), Entry(ParameterId.Bias(2, 0), 0.7),
             Entry(ParameterId.Bias(1, 0), 0.4), Entry(ParameterId.Weight(1, 1, 0), 5.0, crossesKink: true)], Unit);

        Assert.Equal(["b1[0]", "b2[0]"], report.WorstPerLayer().Select(e => e.Id.ToString()));
    }

    [Fact]
    public void Describe_PassingAndFailingEntries_NameTheComparisonThatHolds()
    {
        var report = new GradientCheckReport([Entry(ParameterId.Weight(1, 0, 0), 0.5), Entry(ParameterId.Bias(1, 0), 3.0)], Unit);

        Assert.Equal("W1[0,0]: analytic 0.5, numeric 0, |diff| 0.5 <= tolerance 1", report.Describe(report.Entries[0]));
        Assert.Equal("b1[0]: analytic 3, numeric 0, |diff| 3 > tolerance 1", report.Describe(report.Entries[1]));
    }

    [Fact]
    public void Describe_WithContext_EndsWithTheContextInParentheses()
    {
        var report = new GradientCheckReport([Entry(ParameterId.Bias(1, 0), 3.0)], Unit with { Context = "tanh, seed 42" });

        Assert.Equal("b1[0]: analytic 3, numeric 0, |diff| 3 > tolerance 1 (tanh, seed 42)", report.Describe(report.Entries[0]));
    }

    [Fact]
    public void ToString_EveryEntryCrossesAKink_SaysNothingWasChecked()
    {
        var report = new GradientCheckReport([Entry(ParameterId.Bias(1, 0), 3.0, crossesKink: true)], Unit);

        Assert.False(report.Passed);
        Assert.Equal("gradient check checked no parameter (all cross a kink), 1 kink-crossing not checked", report.ToString());
    }

    [Fact]
    public void ToString_TwelveFailures_CountsThemAndListsTheTenWorstWorstFirst()
    {
        var entries = Enumerable.Range(0, 12).Select(j => Entry(ParameterId.Bias(1, j), 2.0 + j)).ToList();
        entries.Add(Entry(ParameterId.Weight(1, 0, 0), 0.5));
        var report = new GradientCheckReport(entries, Unit);

        var lines = report.ToString().Split('\n');
        Assert.Equal("gradient check FAILED on 12 of 13 parameters", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("b1[11]: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("b1[2]: ", lines[10], StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_AllPassWithoutKinks_GivesTheCountAlone()
    {
        var report = new GradientCheckReport([Entry(ParameterId.Bias(1, 0), 0.25), Entry(ParameterId.Bias(1, 1), 1.0)], Unit);

        Assert.True(report.Passed);
        Assert.Equal("gradient check passed: 2 parameters checked", report.ToString());
    }
}
