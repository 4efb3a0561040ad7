using GradFlow.Metrics;

namespace GradFlow.Training;

/// <summary>A finished run: its log and, if it diverged (<see cref="Trainer.DivergenceFactor"/>), the epoch it did.</summary>
public sealed record TrainingResult(RunLog Log, int? DivergedAt)
{
    public bool Diverged => DivergedAt.HasValue;
}
