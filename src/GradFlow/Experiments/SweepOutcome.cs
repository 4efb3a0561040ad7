namespace GradFlow.Experiments;

/// <summary>
/// What a sweep produced: its runs (in run order), and when it was whole the per-setting summaries and
/// the statistics written to stats.csv (a shard has neither: no summaries, <see cref="Statistics"/> null).
/// </summary>
public sealed record SweepOutcome(
    AblationSpec Spec,
    ResultStore Store,
    IReadOnlyList<RunResult> Runs,
    IReadOnlyList<SettingSummary> Summaries,
    SweepStats? Statistics,
    int ResumedCount,
    TimeSpan Elapsed);
