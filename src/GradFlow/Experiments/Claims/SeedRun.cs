using System.Numerics;
using GradFlow.Metrics;

namespace GradFlow.Experiments;

/// <summary>
/// What a claim may read of one seed of one setting: final metric values, time to a threshold, and
/// whole per-epoch columns. Built from a sweep in memory or from a run file on disk.
/// </summary>
public sealed class SeedRun(BigInteger seed, RunLog log, int? divergedAt)
{
    public BigInteger Seed { get; } = seed;

    /// <summary>The run's loss stopped being finite; its final values are not counted.</summary>
    public bool Diverged { get; } = divergedAt.HasValue;

    /// <summary><paramref name="metric"/> at the last recorded epoch.</summary>
    public double Final(string metric) => log[log.Count - 1, metric];

    /// <summary><paramref name="metric"/> at the first recorded epoch (the initial network).</summary>
    public double Initial(string metric) => log[0, metric];

    /// <summary>The first recorded epoch with <paramref name="metric"/> ≥ <paramref name="threshold"/>, or <paramref name="budget"/> if none.</summary>
    public int EpochTo(string metric, double threshold, int budget) =>
        TimeToThreshold.FirstEpoch(log.Epochs, log.Column(metric), threshold) ?? budget;

    public double[] Column(string metric) => log.Column(metric);

    public bool HasMetric(string metric) => log.HasColumn(metric);
}
