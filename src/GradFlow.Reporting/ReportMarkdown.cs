using System.Globalization;
using System.Text;
using GradFlow.Experiments;
using GradFlow.IO;
using GradFlow.Metrics;

namespace GradFlow.Reporting;

/// <summary>
/// report.md: the spec, the final table, time to threshold, the pairwise tests read in plain words,
/// and every figure with a line saying what to look for. Every number in the invariant culture.
/// </summary>
internal static class ReportMarkdown
{
    /// <summary>The significance level the plain-words reading of the pairwise tests uses.</summary>
    public const double Alpha = 0.05;

    public static string Build(AblationSpec spec, IReadOnlyList<SettingSummary> summaries, SweepStats stats, IReadOnlyList<Figure> figures)
    {
        var md = new StringBuilder();
        string acc = spec.AccuracyMetric;
        string accName = MetricText.Title(acc).ToLowerInvariant();
        md.Append(Inv($"# GradFlow report: {spec.Name}\n\n"));
        md.Append(Inv($"How the hidden activation changes gradient flow and training: {spec.Activations.Count} activation(s) × {spec.Inits.Count} init(s) × {spec.Scales.Count} scale(s) × {spec.Seeds.Count} seed(s) = {spec.Runs().Count} runs of {spec.Epochs} epochs. "));
        md.Append(Inv($"Accuracy below is {accName} ({(spec.HasTestSplit ? "a held-out split" : "no test split: every point is a training point")}).\n\n"));

        SpecTable(md, spec);
        FinalTable(md, spec, summaries, stats);
        ThresholdTable(md, spec, stats);
        PairwiseTests(md, spec, stats);
        Figures(md, figures);
        return md.ToString();
    }

    private static void SpecTable(StringBuilder md, AblationSpec spec)
    {
        md.Append("## Spec\n\n| field | value |\n| --- | --- |\n");
        void Row(string field, string value) => md.Append(CultureInfo.InvariantCulture, $"| {field} | {value} |\n");
        Row("preset / name", spec.Name);
        Row("activations", string.Join(", ", spec.Activations));
        Row("inits", string.Join(", ", spec.Inits));
        Row("init scales", string.Join(", ", spec.Scales.Select(Numbers.Format)));
        Row("seeds", Inv($"{string.Join(", ", spec.Seeds.Select(s => s.ToString(CultureInfo.InvariantCulture)))} ({spec.Seeds.Count})"));
        Row("architecture", "[" + string.Join(", ", spec.Arch.Select(Numbers.Format)) + "], sigmoid output");
        Row("points (n)", Numbers.Format(spec.N));
        Row("noise", Numbers.Format(spec.Noise) + (spec.RelabelAfterNoise ? " (labels computed after the noise)" : " (added after labelling)"));
        Row("test size", spec.HasTestSplit ? Numbers.Format(spec.TestSize) : "0 (no split)");
        Row("learning rate", Numbers.Format(spec.LearningRate) + " (full-batch gradient descent)");
        Row("epochs", Numbers.Format(spec.Epochs));
        Row("logged every", Inv($"{spec.LogEvery} epoch(s)"));
        Row("deriv_eps", Numbers.Format(spec.DerivEps));
        Row("z_linear_eps", Numbers.Format(spec.ZLinearEps));
        md.Append('\n');
    }

    private static void FinalTable(StringBuilder md, AblationSpec spec, IReadOnlyList<SettingSummary> summaries, SweepStats stats)
    {
        string acc = spec.AccuracyMetric;
        var main = MetricCatalog.Core.Where(m => !m.IsPerLayer).Select(m => m.Name)
            .Where(m => summaries.Any(s => s.Metrics.Contains(m))).ToArray();
        md.Append("## Final values\n\n");
        md.Append(spec.Seeds.Count > 1
            ? Inv($"Mean ± std across the seeds that did not diverge, at the last recorded epoch; the interval is a 95 % percentile bootstrap of the mean final {MetricText.Title(acc).ToLowerInvariant()} (seeded, so it is reproducible).\n\n")
            : Inv($"Values at the last recorded epoch of the single seed {spec.Seeds[0]} (no spread, so no interval).\n\n"));
        md.Append("| activation | init | scale | seeds | diverged | " + string.Join(" | ", main.Select(m => MetricText.Title(m).ToLowerInvariant())) + $" | {MetricText.Short(acc)} 95 % CI |\n");
        md.Append("| --- | --- | ---: | ---: | ---: |" + string.Concat(main.Select(_ => " ---: |")) + " --- |\n");
        foreach (var s in ByScale(spec, summaries, x => x.Setting))
        {
            var k = s.Setting;
            md.Append(Inv($"| {k.Activation} | {k.Init} | {Numbers.Format(k.Scale)} | {s.SeedCount + s.DivergedCount} | {s.DivergedCount} |"));
            foreach (var m in main)
            {
                bool has = s.Epochs.Length > 0 && s.Metrics.Contains(m);
                string cell = !has ? "—" : s.SeedCount > 1 ? Format.MeanStd(s.MeanOf(m)[^1], s.StdOf(m)[^1]) : Format.Number(s.MeanOf(m)[^1]);
                md.Append(' ').Append(cell).Append(" |");
            }
            var final = stats.Of(k).Final;
            double low = final?.Low ?? double.NaN, high = final?.High ?? double.NaN;
            // One seed has no spread to resample: its "interval" would be the value itself.
            md.Append(double.IsNaN(low) || s.SeedCount < 2 ? " — |\n" : $" [{Format.Fixed(low, "0.000")}, {Format.Fixed(high, "0.000")}] |\n");
        }
        md.Append('\n');
    }

    private static void ThresholdTable(StringBuilder md, AblationSpec spec, SweepStats stats)
    {
        var thresholds = SweepStatistics.Thresholds;
        md.Append("## Time to threshold\n\n");
        md.Append(Inv($"The first epoch at which {MetricText.Title(spec.AccuracyMetric).ToLowerInvariant()} reaches the threshold: the median over the seeds that get there, how many never do within {spec.Epochs} epochs, and the censored median that counts those seeds as {spec.Epochs}.\n\n"));
        md.Append("| activation | init | scale |");
        foreach (double t in thresholds) md.Append(Inv($" ≥ {Numbers.Format(t)}: median epoch | never | censored median |"));
        md.Append("\n| --- | --- | ---: |" + string.Concat(thresholds.Select(_ => " ---: | ---: | ---: |")) + "\n");
        foreach (var k in ByScale(spec, spec.Settings(), x => x))
        {
            md.Append(Inv($"| {k.Activation} | {k.Init} | {Numbers.Format(k.Scale)} |"));
            foreach (double t in thresholds)
            {
                var time = stats.Of(k).At(t);
                md.Append(Inv($" {Format.Fixed(time.Median, "0.#")} | {Format.Fixed(time.Never, "0")} of {spec.Seeds.Count} | {Format.Fixed(time.MedianWithBudget, "0.#")} |"));
            }
            md.Append('\n');
        }
        md.Append('\n');
    }

    private static void PairwiseTests(StringBuilder md, AblationSpec spec, SweepStats stats)
    {
        md.Append("## Pairwise tests\n\n");
        md.Append(Inv($"Two-sided Mann–Whitney U test of the final {MetricText.Title(spec.AccuracyMetric).ToLowerInvariant()} of each pair of activations at the same init and scale, across seeds, at α = {Numbers.Format(Alpha)}. "));
        md.Append("The rank-biserial correlation is the effect size: P(winner's seed beats the other's) − P(the reverse), from 0 (no effect) to 1 (every seed of one beats every seed of the other).\n\n");
        int n = spec.Seeds.Count;
        if (n < 2)
        {
            md.Append("With one seed per activation there is nothing to test: too few seeds to tell a difference from chance. The paper preset has 10.\n\n");
            return;
        }
        double untied = MinimumP(n, n, tiedWithin: false), tied = MinimumP(n, n, tiedWithin: true);
        if (!(untied < Alpha))
            md.Append(Inv($"> With {n} seed(s) per activation this test can hardly reject: even when every seed of one activation beats every seed of the other, p = {Format.Fixed(untied, "0.0###")}") +
                (tied < Alpha ? Inv($" (p = {Format.Fixed(tied, "0.0###")} only if each activation's seeds also tie among themselves)") : "") +
                ". Read \"no significant difference\" here as \"too few seeds to tell\"; the paper preset has 10.\n\n");

        bool multi = spec.Inits.Count * spec.Scales.Count > 1;
        bool any = false;
        foreach (var init in spec.Inits)
            foreach (var scale in spec.Scales)
            {
                var pairs = stats.Pairs.Where(p => p.Init == init && p.Scale == scale).ToArray();
                if (pairs.Length == 0) continue;
                any = true;
                if (multi) md.Append(Inv($"### {init}, scale {Numbers.Format(scale)}\n\n"));
                foreach (var p in pairs)
                    md.Append("- ").Append(Sentence(p.Activation, p.Other, WhereText(spec, init, scale), p.P, p.RankBiserial)).Append('\n');
                md.Append('\n');
            }
        if (!any) md.Append("No pairs to compare (one activation, or no setting with a finished seed).\n\n");
    }

    /// <summary>
    /// The plain-words reading of one test: "relu beats tanh at scale 0.5: p = 0.0003, rank-biserial 0.92"
    /// (the winner is the activation the rank-biserial r favours, and r is given from its side), or
    /// "tanh vs arctan at scale 0.5: no significant difference (p = 0.41, rank-biserial 0.12)".
    /// </summary>
    public static string Sentence(string a, string b, string where, double p, double rankBiserial)
    {
        if (p < Alpha && rankBiserial != 0)
        {
            var (winner, loser) = rankBiserial > 0 ? (a, b) : (b, a);
            return $"{winner} beats {loser} {where}: p {Format.P(p)}, rank-biserial {Format.Fixed(Math.Abs(rankBiserial), "0.00")}";
        }
        return $"{a} vs {b} {where}: no significant difference (p {Format.P(p)}, rank-biserial {Format.Fixed(rankBiserial, "0.00")})";
    }

    /// <summary>"at scale 0.5", or "at xavier, scale 0.5" when the spec has several inits.</summary>
    private static string WhereText(AblationSpec spec, string init, double scale) =>
        spec.Inits.Count > 1 ? $"at {init}, scale {Numbers.Format(scale)}" : $"at scale {Numbers.Format(scale)}";

    /// <summary>
    /// The p of samples of these sizes that are perfectly separated (every x above every y): without ties,
    /// or with each sample's values all equal, which shrinks the tie-corrected variance and gives the
    /// smallest p the test can give at all.
    /// </summary>
    public static double MinimumP(int n1, int n2, bool tiedWithin)
    {
        if (n1 == 0 || n2 == 0) return 1;
        var x = Enumerable.Range(n2, n1).Select(i => tiedWithin ? 1.0 : i).ToArray();
        var y = Enumerable.Range(0, n2).Select(i => tiedWithin ? 0.0 : i).ToArray();
        return MannWhitney.Test(x, y).P;
    }

    private static void Figures(StringBuilder md, IReadOnlyList<Figure> figures)
    {
        md.Append("## Figures\n\n");
        if (figures.Count == 0)
        {
            md.Append("No figures: no setting has a finished seed.\n");
            return;
        }
        md.Append("Each figure is in plots/ as PNG and SVG.\n\n");
        string? group = null;
        foreach (var f in figures)
        {
            if (f.Group != group)
            {
                group = f.Group;
                if (group != "") md.Append(CultureInfo.InvariantCulture, $"### {group}\n\n");
            }
            md.Append(CultureInfo.InvariantCulture, $"![{f.AltText}](plots/{f.Name}.png)\n\n");
            md.Append(CultureInfo.InvariantCulture, $"Look for: {f.LookFor} ([SVG](plots/{f.Name}.svg))\n\n");
        }
    }

    /// <summary>Rows of one init and scale together (activations in the spec's order), so a table reads scale by scale.</summary>
    private static IEnumerable<T> ByScale<T>(AblationSpec spec, IEnumerable<T> items, Func<T, SettingKey> key) =>
        items.OrderBy(x => IndexOf(spec.Inits, key(x).Init))
             .ThenBy(x => IndexOf(spec.Scales, key(x).Scale))
             .ThenBy(x => IndexOf(spec.Activations, key(x).Activation));

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
    {
        for (int i = 0; i < list.Count; i++)
            if (EqualityComparer<T>.Default.Equals(list[i], item)) return i;
        return list.Count;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
