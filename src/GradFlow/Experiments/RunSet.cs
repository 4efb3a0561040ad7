using System.Collections;
using GradFlow.Metrics;

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

    /// <summary>Records run <paramref name="index"/>: its digest always, its log while the budget allows (true); false when the log was not kept, so the caller may reuse it. Thread-safe across indices.</summary>
    public bool Add(int index, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Key != _keys[index]) throw new ArgumentException($"run {run.Key} is not run {index} ({_keys[index]}) of this set", nameof(run));
        // One column list for every digest of the same metrics (a run read back from its file brings its own strings).
        var shared = _columns;
        if (shared is null || !shared.SequenceEqual(run.Log.Columns)) _columns = shared = run.Log.Columns;
        _digests[index] = RunDigest.Of(run, _accuracyMetric, shared);
        long size = Bytes(run);
        if (_store is null || Interlocked.Add(ref _retainedBytes, size) <= _budget)
        {
            _retained[index] = run;
            return true;
        }
        Interlocked.Add(ref _retainedBytes, -size);
        return false;
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

    /// <summary>
    /// <paramref name="setting"/>'s runs in run order, each loaded only when reached (enumerate it again to
    /// read them again). A run not kept is read into one log reused for the whole enumeration, so a run
    /// given is valid only until the next is asked for: use it, never keep it.
    /// </summary>
    public IEnumerable<RunResult> OfSetting(SettingKey setting)
    {
        RunLog? scratch = null;
        foreach (int i in IndicesOf(setting))
        {
            if (_retained[i] is { } kept)
            {
                yield return kept;
                continue;
            }
            var run = Read(i, scratch);
            scratch = run.Log;
            yield return run;
        }
    }

    /// <summary>
    /// Run <paramref name="index"/>'s log, from memory when kept, else read into a log this thread reuses:
    /// valid until this thread next reads a run so; read what is needed from it at once.
    /// </summary>
    public RunLog ScratchLog(int index)
    {
        if (_retained[index] is { } kept) return kept.Log;
        var run = Read(index, _threadScratch);
        _threadScratch = run.Log;
        return run.Log;
    }

    [ThreadStatic] private static RunLog? _threadScratch;

    private RunResult Read(int index, RunLog? reuse) =>
        _store is not null && _digests[index] is not null ? _store.ReadRun(_keys[index], reuse)
            : throw new InvalidOperationException($"run {_keys[index]} has not been added");

    public IEnumerator<RunResult> GetEnumerator()
    {
        for (int i = 0; i < _keys.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // A log's values and epochs, the part of a run that grows with its epochs.
    private static long Bytes(RunResult run) => (long)run.Log.Count * (run.Log.Columns.Count * sizeof(double) + sizeof(int));
}
