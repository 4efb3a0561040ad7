using System.Collections;

namespace GradFlow.Experiments;

/// <summary>
/// The runs of a sweep, in run order, without holding every run's log: each finished run leaves its
/// <see cref="RunDigest"/>, and its whole log stays in memory only while the logs kept stay within a
/// fixed budget (<see cref="DefaultRetainedBytes"/>); past it, a run is read back from its file when
/// asked for (the file holds the same bits: numbers are written in round-trip form). So a sweep's
/// memory is bounded whatever its number of runs, and consumers go setting by setting
/// (<see cref="OfSetting"/>) or through the digests, one run at a time.
/// </summary>
public sealed class RunSet : IReadOnlyList<RunResult>
{
    /// <summary>The logs kept in memory at most: the paper preset's 120 runs (≈ 95 MB) fit, a sweep of ten times as many reads most back.</summary>
    public const long DefaultRetainedBytes = 128L << 20;

    private readonly ResultStore? _store;
    private readonly RunKey[] _keys;
    private readonly RunDigest?[] _digests;
    private readonly RunResult?[] _retained;
    private readonly string _accuracyMetric;
    private readonly long _budget;
    private long _retainedBytes;
    private IReadOnlyList<string>? _columns;

    /// <summary>An empty set of <paramref name="keys"/>, filled by <see cref="Add"/>, whose runs not kept are read back from <paramref name="store"/>.</summary>
    public RunSet(ResultStore? store, IReadOnlyList<RunKey> keys, string accuracyMetric, long retainedBytes = DefaultRetainedBytes)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _store = store;
        _keys = keys.ToArray();
        _digests = new RunDigest?[_keys.Length];
        _retained = new RunResult?[_keys.Length];
        _accuracyMetric = accuracyMetric;
        _budget = retainedBytes;
    }

    /// <summary>Runs already in memory, every one kept (a test's or a caller's list).</summary>
    public static RunSet Of(AblationSpec spec, IEnumerable<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var list = runs.ToArray();
        var set = new RunSet(null, list.Select(r => r.Key).ToArray(), spec.AccuracyMetric, long.MaxValue);
        for (int i = 0; i < list.Length; i++) set.Add(i, list[i]);
        return set;
    }

    /// <summary><paramref name="runs"/> itself when it is a set, else a set of the list (every run kept).</summary>
    public static RunSet From(AblationSpec spec, IReadOnlyList<RunResult> runs) => runs as RunSet ?? Of(spec, runs);

    /// <summary>Records run <paramref name="index"/>: its digest always, its log while the budget allows. Thread-safe across indices.</summary>
    public void Add(int index, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Key != _keys[index]) throw new ArgumentException($"run {run.Key} is not run {index} ({_keys[index]}) of this set", nameof(run));
        // One column list for every digest of the same metrics (a run read back from its file brings its own strings).
        var shared = _columns;
        if (shared is null || !shared.SequenceEqual(run.Log.Columns)) _columns = shared = run.Log.Columns;
        _digests[index] = RunDigest.Of(run, _accuracyMetric, shared);
        long size = Bytes(run);
        if (_store is null || Interlocked.Add(ref _retainedBytes, size) <= _budget) _retained[index] = run;
        else Interlocked.Add(ref _retainedBytes, -size);
    }

    public int Count => _keys.Length;

    public IReadOnlyList<RunKey> Keys => _keys;

    /// <summary>Runs whose logs are in memory.</summary>
    public int RetainedCount => _retained.Count(r => r is not null);

    /// <summary>Run <paramref name="index"/>: from memory when kept, else read back from its file.</summary>
    public RunResult this[int index] =>
        _retained[index] ?? _store?.ReadRun(_keys[index]) ?? throw new InvalidOperationException($"run {_keys[index]} has not been added");

    /// <summary>Run <paramref name="index"/>'s digest.</summary>
    public RunDigest Digest(int index) => _digests[index] ?? throw new InvalidOperationException($"run {_keys[index]} has not been added");

    /// <summary>Every run's digest, in run order.</summary>
    public IReadOnlyList<RunDigest> Digests => Enumerable.Range(0, _keys.Length).Select(Digest).ToArray();

    /// <summary>The indices of <paramref name="setting"/>'s runs, in run order.</summary>
    public IEnumerable<int> IndicesOf(SettingKey setting)
    {
        for (int i = 0; i < _keys.Length; i++)
            if (_keys[i].Setting == setting) yield return i;
    }

    /// <summary><paramref name="setting"/>'s runs in run order, each loaded only when reached (enumerate it again to read them again).</summary>
    public IEnumerable<RunResult> OfSetting(SettingKey setting)
    {
        foreach (int i in IndicesOf(setting)) yield return this[i];
    }

    public IEnumerator<RunResult> GetEnumerator()
    {
        for (int i = 0; i < _keys.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A log's values and epochs, the part of a run that grows with its epochs.
    private static long Bytes(RunResult run) => (long)run.Log.Count * (run.Log.Columns.Count * sizeof(double) + sizeof(int));
}
