using GradFlow.Metrics;
using GradFlow.Training;

namespace GradFlow.Experiments;

/// <summary>
/// One finished run of a sweep: which run it is (<see cref="Key"/>) and what training returned
/// (<see cref="Training"/>, the one type of a run's log and divergence; Training cannot name a
/// <see cref="RunKey"/>, so the sweep adds it here rather than copying the result's fields).
/// </summary>
public sealed record RunResult(RunKey Key, TrainingResult Training)
{
    /// <summary>A run read back from its file: its log and the epoch its loss diverged, if it did.</summary>
    public RunResult(RunKey key, RunLog log, int? divergedAt) : this(key, new TrainingResult(log, divergedAt)) { }

    public RunLog Log => Training.Log;

    public int? DivergedAt => Training.DivergedAt;

    public bool Diverged => Training.Diverged;
}
