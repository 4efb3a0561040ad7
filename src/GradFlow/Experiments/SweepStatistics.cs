namespace GradFlow.Experiments;

/// <summary>
/// The statistics the study names as its missing pieces, per setting: time to threshold (first epoch
/// with accuracy ≥ 0.85 and ≥ 0.90: seeds that never get there, and the median over those that do),
/// a seeded 95 % bootstrap interval of the final accuracy mean; and per pair of activations at the
/// same init and scale, a two-sided Mann–Whitney U test of final accuracy with its rank-biserial
/// effect size. Accuracy is test accuracy with a test split, train accuracy without. Computed once per
/// sweep (<see cref="SweepOutcome.Statistics"/>); stats.csv is <see cref="SweepStats.Rows"/>.
/// </summary>
public static class SweepStatistics
{
    public static IReadOnlyList<double> Thresholds { get; } = [0.85, 0.90];

    /// <summary>Seed of the bootstrap's resampling stream (fixed, so stats.csv is reproducible).</summary>
    public const ulong BootstrapSeed = 0;

    public static SweepStats Compute(AblationSpec spec, IReadOnlyList<RunResult> results) => Compute(spec, RunSet.From(spec, results).Digests);

    /// <summary>The statistics from the runs' digests alone (<see cref="RunDigest"/>: threshold epochs and final rows), so no log is read.</summary>
    public static SweepStats Compute(AblationSpec spec, IReadOnlyList<RunDigest> results)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string metric = spec.AccuracyMetric;
        var perSetting = new List<SettingStatistics>();
        var finals = new Dictionary<SettingKey, double[]>();
        var bySetting = results.ToLookup(r => r.Key.Setting);
        foreach (var setting in spec.Settings())
        {
            var runs = bySetting[setting].ToArray();
            var times = new List<ThresholdTime>();
            for (int t = 0; t < Thresholds.Count; t++)
            {
                // Diverged runs are counted (final.csv's n_diverged), never timed: their accuracy before the blow-up is no convergence.
                var first = runs.Where(r => !r.Diverged).Select(r => r.ThresholdEpochs[t]).ToArray();
                var summary = TimeToThreshold.Summarize(first);
                times.Add(new ThresholdTime(Thresholds[t], summary.CountNever, summary.Median, TimeToThreshold.MedianWithBudget(first, spec.Epochs)));
            }
            var final = runs.Where(r => !r.Diverged && r.Count > 0).Select(r => r.Final(metric)).ToArray();
            finals[setting] = final;
            MeanInterval? interval = null;
            if (final.Length > 0)
            {
                var ci = Bootstrap.MeanInterval(final, BootstrapSeed);
                interval = new MeanInterval(ci.Mean, ci.Low, ci.High);
            }
            perSetting.Add(new SettingStatistics(setting, times, interval));
        }
        var pairs = new List<PairwiseTest>();
        var settings = spec.Settings();
        for (int i = 0; i < settings.Count; i++)
            for (int j = i + 1; j < settings.Count; j++)
            {
                var a = settings[i];
                var b = settings[j];
                if (a.Init != b.Init || a.Scale != b.Scale || a.LearningRate != b.LearningRate || finals[a].Length == 0 || finals[b].Length == 0) continue;
                var test = MannWhitney.Test(finals[a], finals[b]);
                pairs.Add(new PairwiseTest(a.Init, a.Scale, a.Activation, b.Activation, test.U, test.P, test.RankBiserial, a.LearningRate));
            }
        return new SweepStats(metric, perSetting, pairs);
    }

    /// <summary>The final-epoch values of <paramref name="metric"/> of the runs that did not diverge, in seed order.</summary>
    public static double[] FinalValues(IEnumerable<RunResult> runs, string metric) =>
        runs.Where(r => !r.Diverged && r.Log.Count > 0).Select(r => r.Log[r.Log.Count - 1, metric]).ToArray();
}
