namespace GradFlow.Experiments;

/// <summary><see cref="ISeedValues"/> of a sweep's runs, in memory or read back from a results folder.</summary>
public sealed class SeedValues : ISeedValues
{
    private readonly Dictionary<SettingKey, SeedRun[]> _runs;

    private SeedValues(AblationSpec spec, IEnumerable<RunResult> runs)
    {
        Spec = spec;
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
        return new SeedValues(manifest.Spec, manifest.Spec.Runs().Select(store.ReadRun));
    }
}
