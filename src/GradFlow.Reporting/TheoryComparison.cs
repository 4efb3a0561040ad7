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
    public static IReadOnlyList<TheoryLayer> Of(AblationSpec spec, IReadOnlyList<RunResult> runs)
    {
        int hidden = spec.Arch.Count - 2; // hidden layers (Reporting reads the spec, not the Model box)
        var rows = new List<TheoryLayer>();
        if (hidden == 0 || runs.Count == 0) return rows;
        string last = MetricCatalog.DeltaNorm.Column(hidden);
        foreach (var setting in spec.Settings())
        {
            var mine = runs.Where(r => r.Key.Setting == setting && r.Log.Count > 0 && r.Log.HasColumn(last)).ToArray();
            if (mine.Length == 0) continue;
            var prediction = TheoryPredictions.ForSetting(spec, setting);
            int firstEpoch = mine[0].Log.Epoch(0);
            int lastEpoch = mine.Max(r => r.Log.Epoch(r.Log.Count - 1));
            for (int l = 1; l <= hidden; l++)
            {
                string column = MetricCatalog.DeltaNorm.Column(l);
                double first = GeometricMean(mine.Select(r => r.Log[0, column] / r.Log[0, last]));
                // The last epoch of the seeds that got there: a diverged seed stopped early and is not averaged.
                double end = GeometricMean(mine.Where(r => !r.Diverged && r.Log.Epoch(r.Log.Count - 1) == lastEpoch)
                    .Select(r => r.Log[r.Log.Count - 1, column] / r.Log[r.Log.Count - 1, last]));
                rows.Add(new TheoryLayer(setting, l, prediction.DeltaRel(l), first, end, firstEpoch, lastEpoch));
            }
        }
        return rows;
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
