namespace GradFlow.Experiments;

/// <summary>
/// What a finished run leaves in memory once its file is on disk: which run it is, whether and when it
/// diverged, its first and last logged rows, and the first epoch its accuracy metric reached each of
/// <see cref="SweepStatistics.Thresholds"/>. Statistics, the theory comparison and the gradient bars
/// read only these, so a sweep's memory does not grow with its runs' logs (a few hundred bytes a run).
/// </summary>
public sealed record RunDigest(
    RunKey Key,
    int? DivergedAt,
    IReadOnlyList<string> Columns,
    int Count,
    int FirstEpoch,
    int LastEpoch,
    double[] First,
    double[] Last,
    IReadOnlyList<int?> ThresholdEpochs)
{
    public bool Diverged => DivergedAt.HasValue;

    public bool HasColumn(string metric) => IndexOf(metric) >= 0;

    /// <summary><paramref name="metric"/> at the first logged epoch (the initial network).</summary>
    public double Initial(string metric) => First[IndexOrThrow(metric)];

    /// <summary><paramref name="metric"/> at the last logged epoch.</summary>
    public double Final(string metric) => Last[IndexOrThrow(metric)];

    /// <summary>The digest of <paramref name="run"/>, its threshold epochs read from <paramref name="accuracyMetric"/>; <paramref name="columns"/>, if given, stands for the log's equal column list.</summary>
    public static RunDigest Of(RunResult run, string accuracyMetric, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var log = run.Log;
        int n = log.Count;
        var thresholds = new int?[SweepStatistics.Thresholds.Count];
        if (log.HasColumn(accuracyMetric))
        {
            var accuracy = log.Column(accuracyMetric);
            for (int t = 0; t < thresholds.Length; t++)
                thresholds[t] = TimeToThreshold.FirstEpoch(log.Epochs, accuracy, SweepStatistics.Thresholds[t]);
        }
        return new RunDigest(run.Key, run.DivergedAt, columns ?? log.Columns, n,
            n > 0 ? log.Epoch(0) : 0, n > 0 ? log.Epoch(n - 1) : 0,
            n > 0 ? log.Row(0).ToArray() : [], n > 0 ? log.Row(n - 1).ToArray() : [], thresholds);
    }

    private int IndexOf(string metric)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i], metric, StringComparison.Ordinal)) return i;
        return -1;
    }

    private int IndexOrThrow(string metric)
    {
        int i = IndexOf(metric);
        if (i < 0) throw new KeyNotFoundException($"unknown metric '{metric}'; recorded: {string.Join(", ", Columns)}");
        if (Count == 0) throw new InvalidOperationException($"run {Key} logged no epochs");
        return i;
    }
}
