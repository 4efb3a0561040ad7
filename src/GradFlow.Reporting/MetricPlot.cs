using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Reporting;

/// <summary>
/// Draws one metric of a results folder the way the study's figures do (mean line, ±1 std band across
/// seeds; norms on a log axis), from its manifest and summary files, to a .png or .svg. Bad input
/// (no manifest, an unknown metric, activation, init or scale, inverted limits, another extension)
/// throws <see cref="SpecException"/> with one line naming what is wrong and what is accepted, before
/// anything is written.
/// </summary>
public static class MetricPlot
{
    public static void Save(ResultStore store, string metric, PlotFilter filter, AxisLimits limits, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".png" or ".svg")) throw new SpecException($"save: '{path}' must end in .png or .svg");
        FigureStyle.Save(Draw(store, metric, filter, limits), path);
    }

    /// <summary>The figure <see cref="Save"/> writes, with its axis limits applied.</summary>
    internal static ScottPlot.Plot Draw(ResultStore store, string metric, PlotFilter filter, AxisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(limits);
        var spec = ReadSpec(store);
        var settings = Select(spec, filter);
        CheckLimits(limits, MetricText.IsLogScale(metric));

        var summaries = new List<SettingSummary>();
        foreach (var key in settings)
        {
            if (!File.Exists(store.SummaryPath(key)))
                throw new SpecException($"results: {store.SummaryPath(key)} is missing; the sweep has not finished (a shard's folder must be merged first)");
            try { summaries.Add(store.ReadSummary(key)); }
            catch (InvalidDataException e) { throw new SpecException("results: " + e.Message); }
        }
        var recorded = summaries.FirstOrDefault(s => s.Metrics.Count > 0)?.Metrics ?? [];
        if (!recorded.Contains(metric))
            throw new SpecException($"metric: unknown metric '{metric}'; recorded: {string.Join(", ", recorded)}");

        bool mixed = settings.Select(k => (k.Init, k.Scale)).Distinct().Count() > 1;
        var curves = StudyFigures.CurvesOf(spec, summaries, metric, labelSetting: mixed);
        string where = mixed ? "" : $" — {settings[0].Init}, scale {Numbers.Format(settings[0].Scale)}";
        bool log = MetricText.IsLogScale(metric);
        var plot = CurveChart.Draw($"{MetricText.Title(metric)}{where} ({StudyFigures.SeedsPhrase(spec, logAxis: log)})", "epoch", MetricText.Axis(metric), curves, log);

        double? Y(double? v) => v is double d && log ? Math.Log10(d) : v;
        if (limits.XMin is not null || limits.XMax is not null || limits.YMin is not null || limits.YMax is not null)
        {
            plot.Axes.SetLimits(limits.XMin, limits.XMax, Y(limits.YMin), Y(limits.YMax));
            if (log)
            {
                var y = plot.Axes.GetLimits();
                CurveChart.SetLogLimits(plot, y.Bottom, y.Top);
            }
        }
        return plot;
    }

    private static AblationSpec ReadSpec(ResultStore store)
    {
        try
        {
            return (store.ReadManifest() ?? throw new SpecException($"results: {store.Root} has no manifest.json; not a GradFlow results folder")).Spec;
        }
        catch (InvalidDataException e)
        {
            throw new SpecException("results: " + e.Message);
        }
    }

    private static IReadOnlyList<SettingKey> Select(AblationSpec spec, PlotFilter filter)
    {
        if (filter.Activations is { } wanted)
            foreach (var a in wanted)
                if (!spec.Activations.Contains(a, StringComparer.OrdinalIgnoreCase))
                    throw new SpecException($"activations: '{a}' is not in this sweep; it has {string.Join(", ", spec.Activations)}");
        if (filter.Init is { } init && !spec.Inits.Contains(init, StringComparer.OrdinalIgnoreCase))
            throw new SpecException($"init: '{init}' is not in this sweep; it has {string.Join(", ", spec.Inits)}");
        if (filter.Scale is { } scale && !spec.Scales.Contains(scale))
            throw new SpecException($"scale: {Numbers.Format(scale)} is not in this sweep; it has {string.Join(", ", spec.Scales.Select(Numbers.Format))}");
        var keys = spec.Settings().Where(k =>
            (filter.Activations is null || filter.Activations.Contains(k.Activation, StringComparer.OrdinalIgnoreCase)) &&
            (filter.Init is null || string.Equals(filter.Init, k.Init, StringComparison.OrdinalIgnoreCase)) &&
            (filter.Scale is null || filter.Scale == k.Scale)).ToArray();
        if (keys.Length == 0) throw new SpecException("activations: the filter selects no setting");
        return keys;
    }

    private static void CheckLimits(AxisLimits l, bool log)
    {
        foreach (var (name, v) in new[] { ("x-min", l.XMin), ("x-max", l.XMax), ("y-min", l.YMin), ("y-max", l.YMax) })
            if (v is double d && !double.IsFinite(d)) throw new SpecException($"{name}: {Numbers.Format(d)} is not a finite number");
        if (l.XMin >= l.XMax) throw new SpecException($"x-min: {Numbers.Format(l.XMin!.Value)} must be below x-max {Numbers.Format(l.XMax!.Value)}");
        if (l.YMin >= l.YMax) throw new SpecException($"y-min: {Numbers.Format(l.YMin!.Value)} must be below y-max {Numbers.Format(l.YMax!.Value)}");
        if (log && (l.YMin <= 0 || l.YMax <= 0)) throw new SpecException("y-min: this metric is drawn on a log axis, so y limits must be > 0");
    }
}
