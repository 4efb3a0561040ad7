using GradFlow.IO;

namespace GradFlow.Experiments;

/// <summary>
/// The statistics the study names as its missing pieces, per setting: time to threshold (first epoch
/// with accuracy ≥ 0.85 and ≥ 0.90: seeds that never get there, and the median over those that do),
/// a seeded 95 % bootstrap interval of the final accuracy mean; and per pair of activations at the
/// same init and scale, a two-sided Mann–Whitney U test of final accuracy with its rank-biserial
/// effect size. Accuracy is test accuracy with a test split, train accuracy without.
/// </summary>
public static class SweepStatistics
{
    public static IReadOnlyList<double> Thresholds { get; } = [0.85, 0.90];

    /// <summary>Seed of the bootstrap's resampling stream (fixed, so stats.csv is reproducible).</summary>
    public const ulong BootstrapSeed = 0;

    public static IReadOnlyList<StatRow> Compute(AblationSpec spec, IReadOnlyList<RunResult> results)
    {
        string metric = spec.AccuracyMetric;
        var rows = new List<StatRow>();
        var finals = new Dictionary<SettingKey, double[]>();
        foreach (var setting in spec.Settings())
        {
            var runs = results.Where(r => r.Key.Setting == setting).ToArray();
            void Add(string statistic, double value) => rows.Add(new StatRow(setting.Init, setting.Scale, setting.Activation, "", metric, statistic, value));
            foreach (double threshold in Thresholds)
            {
                var first = runs.Select(r => TimeToThreshold.FirstEpoch(r.Log.Epochs, r.Log.Column(metric), threshold)).ToArray();
                var summary = TimeToThreshold.Summarize(first);
                string t = CsvFormat.Number(threshold);
                Add($"tta_{t}_never", summary.CountNever);
                Add($"tta_{t}_median", summary.Median);
                Add($"tta_{t}_median_budget", TimeToThreshold.MedianWithBudget(first, spec.Epochs));
            }
            var final = FinalValues(runs, metric);
            finals[setting] = final;
            if (final.Length > 0)
            {
                var ci = Bootstrap.MeanInterval(final, BootstrapSeed);
                Add("final_mean", ci.Mean);
                Add("final_ci95_low", ci.Low);
                Add("final_ci95_high", ci.High);
            }
        }
        var settings = spec.Settings();
        for (int i = 0; i < settings.Count; i++)
            for (int j = i + 1; j < settings.Count; j++)
            {
                var a = settings[i];
                var b = settings[j];
                if (a.Init != b.Init || a.Scale != b.Scale || finals[a].Length == 0 || finals[b].Length == 0) continue;
                var test = MannWhitney.Test(finals[a], finals[b]);
                void AddPair(string statistic, double value) => rows.Add(new StatRow(a.Init, a.Scale, a.Activation, b.Activation, metric, statistic, value));
                AddPair("mannwhitney_u", test.U);
                AddPair("mannwhitney_p", test.P);
                AddPair("rank_biserial", test.RankBiserial);
            }
        return rows;
    }

    /// <summary>The final-epoch values of <paramref name="metric"/> of the runs that did not diverge, in seed order.</summary>
    public static double[] FinalValues(IEnumerable<RunResult> runs, string metric) =>
        runs.Where(r => !r.Diverged && r.Log.Count > 0).Select(r => r.Log[r.Log.Count - 1, metric]).ToArray();
}
