using System.Globalization;
using GradFlow.Experiments;
using ScottPlot;
using ScottPlot.TickGenerators;
using GradFlow.Metrics;

namespace GradFlow.Reporting;

/// <summary>
/// Gradient flow itself, per init and scale: per activation the weight-gradient norm of every layer
/// on a log axis; per activation a layer × epoch heat map of log10 ‖∂L/∂z‖ (one color scale for the
/// whole group); and the per-layer bar chart of PyTorch's "plot_grad_flow" at the first and last epoch.
/// </summary>
internal static class GradientFlowFigures
{
    public static IEnumerable<Figure> For(AblationSpec spec, SettingGroup g, IReadOnlyList<RunDigest> runs)
    {
        int layers = spec.Arch.Count - 1; // weight layers, the output included
        string meanOnly = StudyFigures.SeedsPhrase(spec, withStd: false);
        var members = g.Drawable.ToArray();

        string logSeeds = StudyFigures.SeedsPhrase(spec, logAxis: true);
        foreach (var s in members.Where(s => HasAll(s, MetricCatalog.GradNorm, layers)))
        {
            string act = s.Setting.Activation;
            yield return new Figure($"{MetricCatalog.GradNorm.Name}_{act}{g.Suffix}", g.Label,
                $"Weight-gradient norm of every layer vs epoch, {act}{g.TitleSuffix} ({logSeeds})",
                "Lines decades apart mean the gradient shrinks (vanishes) or grows (explodes) from layer to layer; a line that falls away over training is a layer that stopped learning.",
                () => LayerNorms(s, layers, g, logSeeds));
        }

        var withDelta = members.Where(s => HasAll(s, MetricCatalog.DeltaNorm, layers)).ToArray();
        if (withDelta.Length > 0)
        {
            var range = Log10Range(withDelta, MetricCatalog.DeltaNorm, layers);
            foreach (var s in withDelta)
            {
                string act = s.Setting.Activation;
                yield return new Figure($"{MetricCatalog.DeltaNorm.Name}_heatmap_{act}{g.Suffix}", g.Label,
                    $"Layer × epoch heat map of log10 ‖∂L/∂z‖, {act}{g.TitleSuffix} ({meanOnly})",
                    "Read a column bottom to top: the backpropagated signal from the first layer to the output at that epoch. Dark low rows mean it vanishes before reaching the input; bright ones that it explodes. Every activation of this setting shares one color scale.",
                    () => LayerHeatmap(s, MetricCatalog.DeltaNorm, layers, range,
                        $"log10 ‖∂L/∂z‖ per layer, {s.Setting.Activation}{g.TitleSuffix} ({meanOnly})", "log10 ‖∂L/∂z‖ (Frobenius)"));
            }
        }

        var withRms = members.Where(s => HasAll(s, MetricCatalog.GradRms, layers)).ToArray();
        if (withRms.Length > 0)
        {
            var bars = withRms.Select(s => BarValues.Of(s, layers, runs)).ToArray();
            var (lo, hi) = BarValues.Range(bars);
            foreach (bool last in new[] { false, true })
            {
                string when = last ? "last" : "first";
                int epoch = last ? withRms[0].Epochs[^1] : withRms[0].Epochs[0];
                yield return new Figure($"grad_flow_bars_{when}{g.Suffix}", g.Label,
                    string.Create(CultureInfo.InvariantCulture, $"Per-layer gradient magnitude at the {when} epoch ({epoch}), one bar group per activation{g.TitleSuffix}"),
                    spec.Seeds.Count > 1
                        ? "Within a group, bars falling from the output layer to the first show vanishing gradient; a pale bar far above its solid one means some seed's gradient is much larger than the average."
                        : "Within a group, bars falling from the output layer to the first show vanishing gradient (one seed, so mean and max coincide).",
                    () => FlowBars(bars, layers, last, epoch, lo, hi, g, spec));
            }
        }
    }

    internal static bool HasAll(SettingSummary s, Metric perLayer, int layers)
    {
        for (int i = 1; i <= layers; i++)
            if (!SettingGroup.HasData(s, perLayer.Column(i))) return false;
        return true;
    }

    private static string LayerName(int i, int layers) =>
        i == layers ? string.Create(CultureInfo.InvariantCulture, $"W{i} (output)") : string.Create(CultureInfo.InvariantCulture, $"W{i}");

    private static Plot LayerNorms(SettingSummary s, int layers, SettingGroup g, string seeds)
    {
        var x = s.Epochs.Select(e => (double)e).ToArray();
        var curves = new List<Curve>();
        for (int i = 1; i <= layers; i++)
        {
            string m = MetricCatalog.GradNorm.Column(i);
            curves.Add(new Curve(LayerName(i, layers), FigureStyle.LayerColor(i - 1, layers), x, s.MeanOf(m), s.StdOf(m), LinePattern.Solid));
        }
        return CurveChart.Draw($"Gradient norm per layer, {s.Setting.Activation}{g.TitleSuffix} ({seeds})", "epoch", "‖∂L/∂W‖ (Frobenius)", curves, logY: true);
    }

    /// <summary>The [min, max] of log10 of a per-layer metric's seed mean over every layer, epoch and activation of a group.</summary>
    internal static ScottPlot.Range Log10Range(IEnumerable<SettingSummary> summaries, Metric perLayer, int layers)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var s in summaries)
            for (int i = 1; i <= layers; i++)
                foreach (double v in s.MeanOf(perLayer.Column(i)))
                {
                    if (!(v > 0) || !double.IsFinite(v)) continue;
                    double l = Math.Log10(v);
                    lo = Math.Min(lo, l);
                    hi = Math.Max(hi, l);
                }
        if (!double.IsFinite(lo)) return new ScottPlot.Range(-1, 0);
        return hi > lo ? new ScottPlot.Range(lo, hi) : new ScottPlot.Range(lo - 0.5, hi + 0.5);
    }

    /// <summary>A layer × epoch heat map of log10 of a per-layer metric's seed mean (epochs where it is NaN stay blank).</summary>
    internal static Plot LayerHeatmap(SettingSummary s, Metric perLayer, int layers, ScottPlot.Range range, string title, string barLabel)
    {
        int epochs = s.Epochs.Length;
        // Heatmap rows run top to bottom: row 0 holds the output layer, so layer 1 sits at the bottom.
        var cells = new double[layers, epochs];
        for (int i = 1; i <= layers; i++)
        {
            var mean = s.MeanOf(perLayer.Column(i));
            for (int e = 0; e < epochs; e++)
                cells[layers - i, e] = mean[e] > 0 && double.IsFinite(mean[e]) ? Math.Log10(mean[e]) : double.NaN;
        }
        var plot = FigureStyle.NewPlot(title, "epoch", "layer (1 = first hidden, top = output)");
        var map = plot.Add.Heatmap(cells);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.ManualRange = range;
        double first = s.Epochs[0], last = s.Epochs[^1];
        double half = epochs > 1 ? (last - first) / (epochs - 1) / 2 : 0.5;
        map.Rectangle = new CoordinateRect(first - half, last + half, 0.5, layers + 0.5);
        var bar = plot.Add.ColorBar(map);
        bar.Label = barLabel;
        bar.LabelStyle.FontSize = 14;
        bar.LabelStyle.Bold = false;
        var ticks = new NumericManual();
        for (int i = 1; i <= layers; i++) ticks.AddMajor(i, i == layers ? string.Create(CultureInfo.InvariantCulture, $"{i} (out)") : i.ToString(CultureInfo.InvariantCulture));
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimits(first - half, last + half, 0.5, layers + 0.5);
        return plot;
    }

    private static Plot FlowBars(BarValues[] groups, int layers, bool last, int epoch, double lo, double hi, SettingGroup g, AblationSpec spec)
    {
        string what = spec.Seeds.Count > 1 ? "solid: mean over seeds, pale: max over seeds" : "one seed";
        var plot = FigureStyle.NewPlot(
            string.Create(CultureInfo.InvariantCulture, $"Gradient flow per layer at epoch {epoch}{g.TitleSuffix}"),
            $"activation (bars: layers W1 … W{layers}; {what})", "RMS of ∂L/∂W entries, log scale");
        double bottom = Math.Floor(lo);
        var ticks = new NumericManual();
        var maxBars = new List<Bar>();
        var meanBars = new List<Bar>();
        for (int k = 0; k < groups.Length; k++)
        {
            var values = groups[k];
            double start = k * (layers + 1);
            for (int i = 0; i < layers; i++)
            {
                var color = FigureStyle.LayerColor(i, layers);
                double mean = last ? values.MeanLast[i] : values.MeanFirst[i];
                double max = last ? values.MaxLast[i] : values.MaxFirst[i];
                if (double.IsFinite(max) && max > 0)
                    maxBars.Add(new Bar { Position = start + i, ValueBase = bottom, Value = Math.Log10(max), FillColor = color.WithOpacity(0.35), LineWidth = 0, Size = 0.9 });
                if (double.IsFinite(mean) && mean > 0)
                    meanBars.Add(new Bar { Position = start + i, ValueBase = bottom, Value = Math.Log10(mean), FillColor = color, LineWidth = 0, Size = 0.9 });
            }
            ticks.AddMajor(start + (layers - 1) / 2.0, values.Activation);
        }
        plot.Add.Bars(maxBars);
        plot.Add.Bars(meanBars);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        for (int i = 0; i < layers; i++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = LayerName(i + 1, layers), FillColor = FigureStyle.LayerColor(i, layers) });
        FigureStyle.ShowLegendRight(plot);
        plot.Axes.SetLimitsX(-0.75, groups.Length * (layers + 1) - 1.25);
        CurveChart.SetDecades(plot, bottom, hi);
        return plot;
    }
}
