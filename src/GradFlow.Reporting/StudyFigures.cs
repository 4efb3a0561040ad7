using System.Globalization;
using GradFlow.Activations;
using GradFlow.Experiments;
using ScottPlot;
using GradFlow.IO;
using GradFlow.Metrics;

namespace GradFlow.Reporting;

/// <summary>
/// The study's figures per init and scale: accuracy of every activation, the zoomed view of the smooth
/// ones, and for multi-seed specs the report figures of test accuracy, z_near0_rate, z_p90_abs and
/// (for the smooth activations, where it is informative) dphi_p01_abs. A metric not recorded is skipped.
/// </summary>
internal static class StudyFigures
{
    public static IEnumerable<Figure> For(AblationSpec spec, SettingGroup g)
    {
        string acc = spec.AccuracyMetric;
        string seeds = SeedsPhrase(spec);
        var smooth = g.Drawable.Where(s => IsSmooth(s.Setting.Activation)).ToArray();

        if (g.Records(acc))
        {
            yield return new Figure("accuracy_comparison" + g.Suffix, g.Label,
                $"{MetricText.Title(acc)} vs epoch, every activation{g.TitleSuffix} ({seeds})",
                spec.Seeds.Count > 1
                    ? "Which activation reaches high accuracy first and where each one ends; where bands overlap the seeds do not separate the activations."
                    : "Which activation reaches high accuracy first and where each one ends (one seed, so no band).",
                () => Curves(spec, g.Drawable, acc, $"{MetricText.Title(acc)}{g.TitleSuffix} ({seeds})"));
        }
        if (smooth.Any(s => SettingGroup.HasData(s, acc)))
        {
            yield return new Figure("accuracy_zoomed" + g.Suffix, g.Label,
                $"{MetricText.Title(acc)} of the smooth activations, zoomed{g.TitleSuffix} ({seeds})",
                "The smooth activations on their own y range: which one climbs first, and whether they end at the same accuracy.",
                () =>
                {
                    var curves = CurvesOf(spec, smooth, acc);
                    var plot = CurveChart.Draw($"{MetricText.Title(acc)}, smooth activations{g.TitleSuffix} ({seeds})", "epoch", MetricText.Axis(acc), curves, logY: false);
                    CurveChart.FitY(plot, curves);
                    return plot;
                });
        }
        if (spec.Seeds.Count <= 1) yield break;

        var study = new (string Metric, bool SmoothOnly, string LookFor)[]
        {
            (MetricCatalog.TestAccuracy.Name, false, "Held-out accuracy per activation: bands that do not overlap are a difference every seed agrees on."),
            (MetricCatalog.ZNear0Rate.Name, false, "Share of hidden pre-activations in the near-linear zone |z| ≤ z_linear_eps: how much of the network still behaves almost linearly, and how fast units leave that zone."),
            (MetricCatalog.ZP90Abs.Name, false, "How far the pre-activations spread: a rising 90th percentile of |z| pushes bounded activations into their flat tails, where φ′ is small."),
            (MetricCatalog.DphiP01Abs.Name, true, "The smallest derivatives (1st percentile of |φ′|) of the smooth activations: values near 0 mean some units pass almost no gradient (saturation)."),
        };
        foreach (var (metric, smoothOnly, lookFor) in study)
        {
            var members = (smoothOnly ? smooth : g.Drawable).Where(s => SettingGroup.HasData(s, metric)).ToArray();
            if (members.Length == 0) continue;
            string who = smoothOnly ? ", smooth activations" : "";
            string phrase = SeedsPhrase(spec, logAxis: MetricText.IsLogScale(metric));
            yield return new Figure(metric + g.Suffix, g.Label,
                $"{MetricText.Title(metric)} vs epoch{who}{g.TitleSuffix} ({phrase})", lookFor,
                () => Curves(spec, members, metric, $"{MetricText.Title(metric)}{who}{g.TitleSuffix} ({phrase})"));
        }
    }

    public static bool IsSmooth(string activation) =>
        ActivationRegistry.SmoothStudyNames.Contains(activation, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "mean ± 1 std over 10 seeds" (or "mean over 10 seeds"), or "seed 42" for a single-seed spec; on a
    /// log axis (<paramref name="logAxis"/>) the band is named as what it is (see <see cref="CurveChart.LogNormalBand"/>).
    /// </summary>
    public static string SeedsPhrase(AblationSpec spec, bool withStd = true, bool logAxis = false) =>
        spec.Seeds.Count <= 1 ? string.Create(CultureInfo.InvariantCulture, $"seed {spec.Seeds[0]}")
        : withStd && logAxis ? string.Create(CultureInfo.InvariantCulture, $"mean over {spec.Seeds.Count} seeds, band: geometric mean ×/÷ geometric std of the log-normal with that mean and std")
        : string.Create(CultureInfo.InvariantCulture, $"mean{(withStd ? " ± 1 std" : "")} over {spec.Seeds.Count} seeds");

    /// <summary>One curve per setting (activation colors; line patterns tell inits and scales apart when mixed).</summary>
    public static List<Curve> CurvesOf(AblationSpec spec, IEnumerable<SettingSummary> summaries, string metric, bool labelSetting = false)
    {
        var curves = new List<Curve>();
        var combos = spec.Inits.SelectMany(i => spec.Scales.Select(s => (i, s))).ToList();
        foreach (var s in summaries)
        {
            if (!SettingGroup.HasData(s, metric)) continue;
            int combo = Math.Max(0, combos.IndexOf((s.Setting.Init, s.Setting.Scale)));
            string label = SettingGroup.LegendOf(s);
            if (labelSetting) label += $" ({s.Setting.Init}, scale {Numbers.Format(s.Setting.Scale)})";
            curves.Add(new Curve(label, FigureStyle.ActivationColor(s.Setting.Activation),
                s.Epochs.Select(e => (double)e).ToArray(), s.MeanOf(metric), s.StdOf(metric),
                labelSetting ? FigureStyle.Patterns[combo % FigureStyle.Patterns.Length] : LinePattern.Solid));
        }
        return curves;
    }

    private static Plot Curves(AblationSpec spec, IEnumerable<SettingSummary> members, string metric, string title) =>
        CurveChart.Draw(title, "epoch", MetricText.Axis(metric), CurvesOf(spec, members, metric), MetricText.IsLogScale(metric));
}
