namespace GradFlow.Experiments;

/// <summary>
/// The ways a comparison reads its values from a folder's seeds. Final values skip diverged runs (they
/// are counted, never averaged); times to a threshold keep them (a run that never got there counts as
/// the budget, as the study's censored median does). Null when a setting or metric is missing.
/// </summary>
public static class ClaimReads
{
    /// <summary>Two groups of seeds: the final <paramref name="metric"/> of every run of each setting that did not diverge.</summary>
    public static Func<ISeedValues, ComparisonSamples?> Groups(SettingKey first, SettingKey second, string metric) => input =>
    {
        var a = input.Runs(first);
        var b = input.Runs(second);
        if (!Usable(a, metric) || !Usable(b, metric)) return null;
        return new ComparisonSamples(Finals(a, metric), Finals(b, metric), $"{Name(first)} final {metric}", $"{Name(second)} final {metric}");
    };

    /// <summary>Per seed that both settings ran and neither diverged, the final <paramref name="metric"/> of each.</summary>
    public static Func<ISeedValues, ComparisonSamples?> PairedFinals(SettingKey first, SettingKey second, string metric) =>
        Paired(first, second, metric, skipDiverged: true, (_, r) => r.Final(metric), $"final {metric}");

    /// <summary>Per seed that both settings ran, the first epoch with <paramref name="metric"/> ≥ <paramref name="threshold"/> (budget if never).</summary>
    public static Func<ISeedValues, ComparisonSamples?> PairedEpochsTo(SettingKey first, SettingKey second, string metric, double threshold) =>
        Paired(first, second, metric, skipDiverged: false, (spec, r) => r.EpochTo(metric, threshold, spec.Epochs), $"epoch to {metric} {F(threshold)}");

    /// <summary>One value per seed of one setting (runs that diverged skipped), for a comparison against a threshold.</summary>
    public static Func<ISeedValues, ComparisonSamples?> Each(SettingKey setting, string metric, Func<SeedRun, double> value, string what) => input =>
    {
        var runs = input.Runs(setting);
        if (!Usable(runs, metric)) return null;
        return new ComparisonSamples([.. runs.Where(r => !r.Diverged).Select(value)], [], $"{Name(setting)} {what}", "");
    };

    /// <summary>One value per seed computed from the runs of two settings on that seed (neither diverged).</summary>
    public static Func<ISeedValues, ComparisonSamples?> EachPair(SettingKey first, SettingKey second, string metric, Func<SeedRun, SeedRun, double> value, string what) => input =>
    {
        var pairs = Pairs(input, first, second, metric, skipDiverged: true);
        return pairs is null ? null : new ComparisonSamples([.. pairs.Select(p => value(p.A, p.B))], [], what, "");
    };

    private static Func<ISeedValues, ComparisonSamples?> Paired(
        SettingKey first, SettingKey second, string metric, bool skipDiverged, Func<AblationSpec, SeedRun, double> value, string what) => input =>
    {
        var pairs = Pairs(input, first, second, metric, skipDiverged);
        if (pairs is null) return null;
        return new ComparisonSamples(
            [.. pairs.Select(p => value(input.Spec, p.A))], [.. pairs.Select(p => value(input.Spec, p.B))],
            $"{Name(first)} {what}", $"{Name(second)} {what}");
    };

    private static (SeedRun A, SeedRun B)[]? Pairs(ISeedValues input, SettingKey first, SettingKey second, string metric, bool skipDiverged)
    {
        var a = input.Runs(first);
        var b = input.Runs(second);
        if (!Usable(a, metric) || !Usable(b, metric)) return null;
        var bySeed = b.ToDictionary(r => r.Seed);
        return [.. a.Where(r => bySeed.ContainsKey(r.Seed))
            .Select(r => (A: r, B: bySeed[r.Seed]))
            .Where(p => !skipDiverged || (!p.A.Diverged && !p.B.Diverged))];
    }

    private static bool Usable(IReadOnlyList<SeedRun> runs, string metric) => runs.Count > 0 && runs[0].HasMetric(metric);

    private static double[] Finals(IReadOnlyList<SeedRun> runs, string metric) => [.. runs.Where(r => !r.Diverged).Select(r => r.Final(metric))];

    /// <summary>A setting in words, e.g. "relu at scale 0.5" or "relu (he)".</summary>
    public static string Name(SettingKey s) => $"{s.Activation} ({s.Init}, scale {F(s.Scale)})";

    internal static string F(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
