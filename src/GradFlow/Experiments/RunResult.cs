using GradFlow.Metrics;

namespace GradFlow.Experiments;

/// <summary>One finished run of a sweep: its recorded epochs, and the epoch its loss stopped being finite, if it did.</summary>
public sealed record RunResult(RunKey Key, RunLog Log, int? DivergedAt)
{
    public bool Diverged => DivergedAt.HasValue;
}
