using System.Numerics;
using GradFlow.Metrics;

namespace GradFlow.Experiments;

/// <summary>
/// What a claim may read of one seed of one setting: final metric values, time to a threshold, and
/// whole per-epoch columns. Built from a sweep in memory or from a run file on disk; one built from a
/// <see cref="RunDigest"/> answers first and last values from the digest and reads the log only for
/// the rest (times to a threshold are kept once read), so claims hold no run's log.
/// </summary>
public sealed class SeedRun
{
    private readonly RunLog? _log;
    private readonly RunDigest? _digest;
    private readonly Func<RunLog>? _load;
    private readonly Dictionary<(string Metric, double Threshold), int?> _firstEpochs = [];

    public SeedRun(BigInteger seed, RunLog log, int? divergedAt)
    {
        Seed = seed;
        _log = log;
        Diverged = divergedAt.HasValue;
    }

    /// <summary>A seed known by its digest, whose log <paramref name="load"/> gives when a claim needs more than its first and last rows (a log the next load may reuse: what is needed is copied out at once).</summary>
    public SeedRun(RunDigest digest, Func<RunLog> load)
    {
        ArgumentNullException.ThrowIfNull(digest);
        Seed = digest.Key.Seed;
        _digest = digest;
        _load = load;
        Diverged = digest.Diverged;
    }

    public BigInteger Seed { get; }

    /// <summary>The run's loss stopped being finite; its final values are not counted.</summary>
    public bool Diverged { get; }

    /// <summary><paramref name="metric"/> at the last recorded epoch.</summary>
    public double Final(string metric) => _digest?.Final(metric) ?? _log![_log.Count - 1, metric];

    /// <summary><paramref name="metric"/> at the first recorded epoch (the initial network).</summary>
    public double Initial(string metric) => _digest?.Initial(metric) ?? _log![0, metric];

    /// <summary>The first recorded epoch with <paramref name="metric"/> ≥ <paramref name="threshold"/>, or <paramref name="budget"/> if none.</summary>
    public int EpochTo(string metric, double threshold, int budget)
    {
        if (!_firstEpochs.TryGetValue((metric, threshold), out int? first))
        {
            var log = Log();
            first = TimeToThreshold.FirstEpoch(log.Epochs, log.Column(metric), threshold);
            _firstEpochs[(metric, threshold)] = first;
        }
        return first ?? budget;
    }

    public double[] Column(string metric) => Log().Column(metric);

    public bool HasMetric(string metric) => _digest?.HasColumn(metric) ?? _log!.HasColumn(metric);

    private RunLog Log() => _log ?? _load!();
}
