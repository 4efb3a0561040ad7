using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Reporting;

/// <summary>
/// Theory beside measurement for a sweep: per setting and hidden layer, the mean-field delta_rel
/// (<see cref="TheoryPredictions.ForSetting"/>, from each seed's own training rows) and the measured
/// delta_norm_L{l}/delta_norm_L{last hidden} (the catalog's <see cref="MetricCatalog.DeltaNorm"/>),
/// geometric mean over the seeds, at the first and the last logged epoch.
/// </summary>
internal static class TheoryComparison
{
    public static IReadOnlyList<TheoryLayer> Of(AblationSpec spec, IReadOnlyList<RunResult> runs, CancellationToken cancellation = default) =>
        Of(spec, RunSet.From(spec, runs).Digests, cancellation);

    /// <summary>From the runs' digests (first and last rows); the settings' predictions computed in parallel on at most <paramref name="threads"/> threads (0: one per core), in the spec's order.</summary>
    public static IReadOnlyList<TheoryLayer> Of(AblationSpec spec, IReadOnlyList<RunDigest> runs, CancellationToken cancellation = default, int threads = 0)
    {
        int hidden = spec.Arch.Count - 2; // hidden layers (Reporting reads the spec, not the Model box)
        if (hidden == 0 || runs.Count == 0) return [];
        string last = MetricCatalog.DeltaNorm.Column(hidden);
        var bySetting = runs.ToLookup(r => r.Key.Setting);
        var settings = spec.Settings()
            .Select(s => (Setting: s, Runs: bySetting[s].Where(r => r.Count > 0 && r.HasColumn(last)).ToArray()))
            .Where(s => s.Runs.Length > 0).ToArray();
        var perSetting = new TheoryLayer[settings.Length][];
        OrderedParallel.For(settings.Length, threads, cancellation, i =>
        {
            var (setting, mine) = settings[i];
            var prediction = TheoryPredictions.ForSetting(spec, setting);
            int firstEpoch = mine[0].FirstEpoch;
            int lastEpoch = mine.Max(r => r.LastEpoch);
            var layers = new TheoryLayer[hidden];
            for (int l = 1; l <= hidden; l++)
            {
                string column = MetricCatalog.DeltaNorm.Column(l);
                double first = GeometricMean(mine.Select(r => r.Initial(column) / r.Initial(last)));
                // The last epoch of the seeds that got there: a diverged seed stopped early and is not averaged.
                double end = GeometricMean(mine.Where(r => !r.Diverged && r.LastEpoch == lastEpoch)
                    .Select(r => r.Final(column) / r.Final(last)));
                layers[l - 1] = new TheoryLayer(setting, l, prediction.DeltaRel(l), first, end, firstEpoch, lastEpoch);
            }
            perSetting[i] = layers;
        });
        return perSetting.SelectMany(l => l).ToArray();
    }

    /// <summary>exp(mean ln v) over the finite positive values; NaN if there are none.</summary>
    public static double GeometricMean(IEnumerable<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (double v in values)
            if (v > 0 && double.IsFinite(v)) { sum += Math.Log(v); n++; }
        return n == 0 ? double.NaN : Math.Exp(sum / n);
    }
}
