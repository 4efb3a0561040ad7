using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Reporting;

/// <summary>
/// Writes a finished sweep's figures (PNG and SVG) into plots/ and its report.md, each file through a
/// temporary name and a rename, and returns the paths written. A shard's outcome (no summaries) has
/// nothing to report: merge the shards, then report the merged folder.
/// </summary>
public static class ReportWriter
{
    public static IReadOnlyList<string> Write(SweepOutcome outcome) => Write(outcome, CancellationToken.None);

    /// <summary>Writes the figures and report.md; a cancelled token stops it before the next figure (OperationCanceledException).</summary>
    public static IReadOnlyList<string> Write(SweepOutcome outcome, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Summaries.Count == 0 || outcome.Statistics is not { } stats) return [];
        var spec = outcome.Spec;
        var store = outcome.Store;
        var figures = FiguresOf(spec, outcome.Summaries, outcome.Runs);

        var written = new List<string>();
        foreach (var figure in figures)
        {
            cancellation.ThrowIfCancellationRequested();
            var plot = figure.Draw();
            foreach (var ext in new[] { ".png", ".svg" })
            {
                string path = Path.Combine(store.PlotsDirectory, figure.Name + ext);
                FigureStyle.Save(plot, path);
                written.Add(path);
            }
        }

        string markdown = ReportMarkdown.Build(spec, outcome.Summaries, stats, figures);
        AtomicFile.WriteText(store.ReportPath, w => w.Write(markdown));
        written.Add(store.ReportPath);
        return written;
    }

    /// <summary>Every figure of the report, grouped by init and scale in the spec's order.</summary>
    internal static IReadOnlyList<Figure> FiguresOf(AblationSpec spec, IReadOnlyList<SettingSummary> summaries, IReadOnlyList<RunResult> runs)
    {
        var figures = new List<Figure>();
        foreach (var group in SettingGroup.Of(spec, summaries))
        {
            figures.AddRange(StudyFigures.For(spec, group));
            figures.AddRange(GradientFlowFigures.For(spec, group, runs));
        }
        return figures;
    }
}
