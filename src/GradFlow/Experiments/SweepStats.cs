using GradFlow.IO;

namespace GradFlow.Experiments;

/// <summary>
/// A sweep's statistics as computed once by <see cref="SweepStatistics.Compute"/>: per setting in the
/// spec's order, and per pair of activations at the same init and scale. <see cref="Rows"/> is their
/// serialised form (stats.csv, long format); <see cref="FromRows"/> reads them back into the same records.
/// </summary>
public sealed record SweepStats(string Metric, IReadOnlyList<SettingStatistics> Settings, IReadOnlyList<PairwiseTest> Pairs)
{
    private const string Never = "_never", Median = "_median", Budget = "_median_budget";

    /// <summary>The statistics of one setting; throws when the sweep has none for it.</summary>
    public SettingStatistics Of(SettingKey setting) =>
        Settings.FirstOrDefault(s => s.Setting == setting) ?? throw new KeyNotFoundException($"no statistics for {setting}");

    /// <summary>The test of <paramref name="a"/> and <paramref name="b"/> at one scale, in whichever order it was computed, or null.</summary>
    public PairwiseTest? Pair(string a, string b, double scale) =>
        Pairs.FirstOrDefault(p => p.Scale == scale && p.Activation == a && p.Other == b)
        ?? Pairs.FirstOrDefault(p => p.Scale == scale && p.Activation == b && p.Other == a);

    /// <summary>stats.csv's rows: per setting its times to threshold and final interval, then every pair.</summary>
    public IReadOnlyList<StatRow> Rows()
    {
        var rows = new List<StatRow>();
        foreach (var s in Settings)
        {
            var k = s.Setting;
            void Add(string statistic, double value) => rows.Add(new StatRow(k.Init, k.Scale, k.Activation, "", Metric, statistic, value));
            foreach (var t in s.TimeToThreshold)
            {
                string tag = Tag(t.Threshold);
                Add(tag + Never, t.Never);
                Add(tag + Median, t.Median);
                Add(tag + Budget, t.MedianWithBudget);
            }
            if (s.Final is { } f)
            {
                Add("final_mean", f.Mean);
                Add("final_ci95_low", f.Low);
                Add("final_ci95_high", f.High);
            }
        }
        foreach (var p in Pairs)
        {
            void AddPair(string statistic, double value) => rows.Add(new StatRow(p.Init, p.Scale, p.Activation, p.Other, Metric, statistic, value));
            AddPair("mannwhitney_u", p.U);
            AddPair("mannwhitney_p", p.P);
            AddPair("rank_biserial", p.RankBiserial);
        }
        return rows;
    }

    /// <summary>The records <see cref="Rows"/> wrote; <paramref name="source"/> names the file in the one-line error.</summary>
    public static SweepStats FromRows(IReadOnlyList<StatRow> rows, string source)
    {
        string metric = rows.Count > 0 ? rows[0].Metric : "";
        var settings = new List<(SettingKey Key, List<ThresholdTime> Times, Dictionary<string, double> Final)>();
        var pairs = new List<(string Init, double Scale, string A, string B, Dictionary<string, double> Values)>();
        foreach (var r in rows)
        {
            if (r.Metric != metric) throw Bad(source, r, $"metric '{r.Metric}' differs from '{metric}' of the first row");
            if (r.Other != "")
            {
                var pair = pairs.FirstOrDefault(p => p.Init == r.Init && p.Scale == r.Scale && p.A == r.Activation && p.B == r.Other);
                if (pair.Values is null) pairs.Add(pair = (r.Init, r.Scale, r.Activation, r.Other, []));
                if (r.Statistic is not ("mannwhitney_u" or "mannwhitney_p" or "rank_biserial")) throw Bad(source, r, "unknown pairwise statistic");
                pair.Values[r.Statistic] = r.Value;
                continue;
            }
            var key = new SettingKey(r.Activation, r.Init, r.Scale);
            var setting = settings.FirstOrDefault(s => s.Key == key);
            if (setting.Times is null) settings.Add(setting = (key, [], []));
            if (r.Statistic.StartsWith("final_", StringComparison.Ordinal)) setting.Final[r.Statistic] = r.Value;
            else if (ThresholdOf(r.Statistic, out double threshold, out string part))
            {
                int at = setting.Times.FindIndex(t => t.Threshold == threshold);
                var t = at >= 0 ? setting.Times[at] : new ThresholdTime(threshold, 0, double.NaN, double.NaN);
                t = part switch
                {
                    Never => t with { Never = (int)r.Value },
                    Median => t with { Median = r.Value },
                    _ => t with { MedianWithBudget = r.Value },
                };
                if (at >= 0) setting.Times[at] = t;
                else setting.Times.Add(t);
            }
            else throw Bad(source, r, "unknown statistic");
        }
        return new SweepStats(metric,
            settings.Select(s => new SettingStatistics(s.Key, s.Times, s.Final.Count == 0 ? null
                : new MeanInterval(Value(s.Final, "final_mean"), Value(s.Final, "final_ci95_low"), Value(s.Final, "final_ci95_high")))).ToArray(),
            pairs.Select(p => new PairwiseTest(p.Init, p.Scale, p.A, p.B, Value(p.Values, "mannwhitney_u"), Value(p.Values, "mannwhitney_p"), Value(p.Values, "rank_biserial"))).ToArray());
    }

    private static string Tag(double threshold) => "tta_" + Numbers.Format(threshold);

    /// <summary>"tta_0.85_median_budget" → 0.85 and "_median_budget".</summary>
    private static bool ThresholdOf(string statistic, out double threshold, out string part)
    {
        threshold = double.NaN;
        part = "";
        if (!statistic.StartsWith("tta_", StringComparison.Ordinal)) return false;
        foreach (var suffix in new[] { Budget, Never, Median })
            if (statistic.Length > 4 + suffix.Length && statistic.EndsWith(suffix, StringComparison.Ordinal) && Numbers.TryParse(statistic[4..^suffix.Length], out threshold))
            {
                part = suffix;
                return true;
            }
        return false;
    }

    private static double Value(Dictionary<string, double> values, string statistic) => values.TryGetValue(statistic, out double v) ? v : double.NaN;

    private static InvalidDataException Bad(string source, StatRow r, string what) =>
        new($"{source}: {what} ({r.Activation}{(r.Other == "" ? "" : " vs " + r.Other)}, {r.Init}, scale {Numbers.Format(r.Scale)}, {r.Statistic}); expected a stats.csv written by GradFlow");
}
