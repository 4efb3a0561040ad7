using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Experiments;

/// <summary>
/// One preset run afresh into artifacts/experiments/&lt;preset&gt;/ (or $GRADFLOW_ARTIFACTS/experiments/&lt;preset&gt;),
/// with its figures and report: the artifacts a person looks at when a claim fails.
/// </summary>
public abstract class PresetResults
{
    protected PresetResults(AblationSpec spec)
    {
        string dir = Path.Combine(ArtifactsRoot(), "experiments", spec.Name);
        // A stale folder would be resumed, not recomputed: the claims must be decided by this build.
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Outcome = SweepRunner.Run(spec, dir);
        Figures = ReportWriter.Write(Outcome);
        Statistics = Outcome.Statistics ?? throw new InvalidOperationException("a whole sweep has statistics");
    }

    public SweepOutcome Outcome { get; }
    public IReadOnlyList<string> Figures { get; }
    public SweepStats Statistics { get; }
    public AblationSpec Spec => Outcome.Spec;

    public IReadOnlyList<RunResult> RunsOf(string activation, double scale, string? init = null) =>
        Outcome.Runs.Where(r => r.Key.Activation == activation && r.Key.Scale == scale && (init is null || r.Key.Init == init)).ToArray();

    public SettingSummary SummaryOf(string activation, double scale, string? init = null) =>
        Outcome.Summaries.Single(s => s.Setting.Activation == activation && s.Setting.Scale == scale && (init is null || s.Setting.Init == init));

    /// <summary>The mean across seeds of <paramref name="metric"/> at the last epoch.</summary>
    public double FinalMean(string activation, double scale, string metric) => SummaryOf(activation, scale).MeanOf(metric)[^1];

    public PairwiseTest Pair(string a, string b, double scale) =>
        Statistics.Pair(a, b, scale) ?? throw new InvalidOperationException($"no test of {a} and {b} at scale {scale}");

    /// <summary>The repository root (where GradFlow.sln is) + /artifacts, unless GRADFLOW_ARTIFACTS says otherwise.</summary>
    public static string ArtifactsRoot()
    {
        var overridden = Environment.GetEnvironmentVariable("GRADFLOW_ARTIFACTS");
        if (!string.IsNullOrEmpty(overridden)) return Path.GetFullPath(overridden);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GradFlow.sln"))) return Path.Combine(dir.FullName, "artifacts");
        return Path.Combine(AppContext.BaseDirectory, "artifacts");
    }
}

public sealed class SeedPresetResults() : PresetResults(Presets.Seed);

public sealed class PaperPresetResults() : PresetResults(Presets.Paper);

public sealed class DeepPresetResults() : PresetResults(Presets.Deep);
