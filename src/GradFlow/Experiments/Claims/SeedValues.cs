namespace GradFlow.Experiments;

/// <summary><see cref="ISeedValues"/> of a sweep's runs, in memory or read back from a results folder.</summary>
public sealed class SeedValues : ISeedValues
{
    private readonly Dictionary<SettingKey, SeedRun[]> _runs;

    private SeedValues(AblationSpec spec, IEnumerable<RunResult> runs)
    {
        Spec = spec;
        if (runs is RunSet set)
        {
            // Seeds known by their digests: a claim that needs a whole column reads that run (from memory if kept, else its file into a reused log: SeedRun copies what it needs at once).
            _runs = Enumerable.Range(0, set.Count).GroupBy(i => set.Keys[i].Setting)
                .ToDictionary(g => g.Key, g => g.OrderBy(i => set.Keys[i].Seed).Select(i => new SeedRun(set.Digest(i), () => set.ScratchLog(i))).ToArray());
            return;
        }
        _runs = runs.GroupBy(r => r.Key.Setting)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Key.Seed).Select(r => new SeedRun(r.Key.Seed, r.Log, r.DivergedAt)).ToArray());
    }

    public AblationSpec Spec { get; }

    public IReadOnlyList<SeedRun> Runs(SettingKey setting) => _runs.TryGetValue(setting, out var runs) ? runs : [];

    public static SeedValues Of(SweepOutcome outcome) => new(outcome.Spec, outcome.Runs);

    public static SeedValues Of(AblationSpec spec, IEnumerable<RunResult> runs) => new(spec, runs);

    /// <summary>
    /// The runs of a whole results folder (one a sweep or a merge wrote): its manifest's spec and every run
    /// file of it. A shard folder holds only part of the seeds, so it is refused; merge the shards first.
    /// </summary>
    public static SeedValues Read(string directory)
    {
        var store = new ResultStore(directory);
        var manifest = store.ReadManifest()
            ?? throw new InvalidDataException($"{store.Root} has no manifest.json, so it is not a GradFlow results folder; expected one written by 'gradflow run'");
        if (manifest.Shard != "1/1")
            throw new InvalidDataException($"{store.Root} is shard {manifest.Shard} of a sweep and holds only part of its seeds; expected a whole folder ('gradflow merge' the shards first)");
        var missing = manifest.Spec.Runs().Where(k => !store.HasRun(k)).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"{store.Root} lacks {missing.Length} of its {manifest.Spec.Runs().Count} run files (first: {store.RunPath(missing[0])}); expected a finished sweep (rerun the same command to finish it)");
        // Each run read once for its digest; logs past the memory budget are read again only when a claim needs a whole column.
        var keys = manifest.Spec.Runs();
        var set = new RunSet(store, keys, manifest.Spec.AccuracyMetric);
        for (int i = 0; i < keys.Count; i++) set.Add(i, store.ReadRun(keys[i]));
        return new SeedValues(manifest.Spec, set);
    }
}
