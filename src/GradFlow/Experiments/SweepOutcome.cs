namespace GradFlow.Experiments;

/// <summary>What a sweep produced: its runs (in run order), and the per-setting summaries when it was whole.</summary>
public sealed record SweepOutcome(
    AblationSpec Spec,
    ResultStore Store,
    IReadOnlyList<RunResult> Runs,
    IReadOnlyList<SettingSummary> Summaries,
    int ResumedCount,
    TimeSpan Elapsed);
