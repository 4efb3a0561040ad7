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
    public static IReadOnlyList<string> Write(SweepOutcome outcome, IReadOnlyList<ClaimResult>? studySeeds = null) => Write(outcome, CancellationToken.None, studySeeds);

    /// <summary>Writes the figures, claims.csv and report.md on at most <paramref name="threads"/> threads (0: one per core); a cancelled token stops it before the next figure (OperationCanceledException).</summary>
    /// <remarks>
    /// The study's claims are decided on the sweep's seeds and written to claims.csv; the report says them
    /// in words. Given the same claims decided on the study's own seeds (<paramref name="studySeeds"/>), the
    /// report marks each comparison that held there but not here "not robust to new seeds".
    /// </remarks>
    public static IReadOnlyList<string> Write(SweepOutcome outcome, CancellationToken cancellation, IReadOnlyList<ClaimResult>? studySeeds = null, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Summaries.Count == 0 || outcome.Statistics is not { } stats) return [];
        var spec = outcome.Spec;
        var store = outcome.Store;
        var theory = TheoryComparison.Of(spec, RunSet.From(spec, outcome.Runs).Digests, cancellation, threads);
        var figures = FiguresOf(spec, outcome.Summaries, outcome.Runs, theory);

        var written = new List<string>(DrawAll(figures, store.PlotsDirectory, cancellation, threads));
        var claims = ClaimEvaluator.Evaluate(SeedValues.Of(outcome));
        written.Add(ClaimsFile.Write(store.Root, claims));
        string markdown = ReportMarkdown.Build(spec, outcome.Summaries, stats, figures, theory, ClaimsMarkdown.Section(claims, studySeeds));
        AtomicFile.WriteText(store.ReportPath, w => w.Write(markdown));
        written.Add(store.ReportPath);
        return written;
    }

    /// <summary>
    /// Saves every figure as PNG and SVG and returns the paths in figure order. Skia numbers an SVG's clip
    /// paths from a counter shared by the whole process (PNGs and drawing take none), so the SVGs are
    /// written one after another in figure order, as one task, while the PNGs (whose bytes depend only on
    /// their figure) are rendered beside it in parallel, one core each. A plot is not rendered by two
    /// threads at once: the SVG task draws its own copy of each figure. A cancelled token stops it before
    /// the next figure; a figure that fails is reported as itself.
    /// </summary>
    private static string[] DrawAll(IReadOnlyList<Figure> figures, string directory, CancellationToken cancellation, int threads)
    {
        var paths = new string[figures.Count * 2];
        OrderedParallel.For(figures.Count + 1, threads, cancellation, k =>
        {
            if (k == 0)
            {
                for (int i = 0; i < figures.Count; i++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    paths[2 * i + 1] = Save(figures[i], directory, ".svg");
                }
            }
            else paths[2 * (k - 1)] = Save(figures[k - 1], directory, ".png");
        });
        return paths;
    }

    private static string Save(Figure figure, string directory, string extension)
    {
        string path = Path.Combine(directory, figure.Name + extension);
        FigureStyle.Save(figure.Draw(), path);
        return path;
    }

    /// <summary>Every figure of the report, grouped by init and scale in the spec's order.</summary>
    internal static IReadOnlyList<Figure> FiguresOf(AblationSpec spec, IReadOnlyList<SettingSummary> summaries, IReadOnlyList<RunResult> runs) =>
        FiguresOf(spec, summaries, runs, TheoryComparison.Of(spec, runs));

    internal static IReadOnlyList<Figure> FiguresOf(AblationSpec spec, IReadOnlyList<SettingSummary> summaries, IReadOnlyList<RunResult> runs, IReadOnlyList<TheoryLayer> theory)
    {
        var figures = new List<Figure>();
        var digests = RunSet.From(spec, runs).Digests;
        foreach (var group in SettingGroup.Of(spec, summaries))
        {
            figures.AddRange(StudyFigures.For(spec, group));
            figures.AddRange(GradientFlowFigures.For(spec, group, digests));
            figures.AddRange(CurvatureFigures.For(spec, group));
            figures.AddRange(TheoryFigures.For(spec, group, theory));
        }
        return figures;
    }
}
