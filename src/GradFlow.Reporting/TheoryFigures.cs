using GradFlow.Experiments;
using ScottPlot;

namespace GradFlow.Reporting;

/// <summary>
/// Per init and scale, the predicted ‖δ^l‖/‖δ^last hidden‖ of every hidden layer (line) beside the
/// measured one at epoch 0 (filled markers) and at the last epoch (open markers), one color per activation.
/// </summary>
internal static class TheoryFigures
{
    public static IEnumerable<Figure> For(AblationSpec spec, SettingGroup g, IReadOnlyList<TheoryLayer> theory)
    {
        var mine = theory.Where(t => t.Setting.Init == g.Init && t.Setting.Scale == g.Scale).ToArray();
        if (mine.Length == 0) yield break;
        yield return new Figure($"theory_delta_rel{g.Suffix}", g.Label,
            $"Predicted (mean field) and measured ‖δ^l‖/‖δ^last hidden‖ per hidden layer{g.TitleSuffix}",
            "At epoch 0 (filled) the markers should sit on their line: that is the theory's prediction before any step. At the last epoch (open) they need not: training has moved the weights away from the random network the theory describes.",
            () => Draw(spec, mine, g));
    }

    private static Plot Draw(AblationSpec spec, IReadOnlyList<TheoryLayer> rows, SettingGroup g)
    {
        var plot = FigureStyle.NewPlot($"Mean-field prediction vs runs{g.TitleSuffix}", "hidden layer l", "‖δ^l‖ / ‖δ^last hidden‖ (log scale)");
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var activation in spec.Activations)
        {
            var r = rows.Where(t => t.Setting.Activation == activation).OrderBy(t => t.Layer).ToArray();
            if (r.Length == 0) continue;
            var color = FigureStyle.ActivationColor(activation);
            double[] x = r.Select(t => (double)t.Layer).ToArray();
            var predicted = plot.Add.ScatterLine(x, r.Select(t => Math.Log10(t.Predicted)).ToArray(), color);
            predicted.LineWidth = 2;
            predicted.LegendText = $"{activation}: predicted";
            var first = plot.Add.ScatterPoints(x, r.Select(t => Log10OrNaN(t.MeasuredFirst)).ToArray(), color);
            first.MarkerShape = MarkerShape.FilledCircle;
            first.MarkerSize = 9;
            first.LegendText = $"{activation}: epoch {r[0].FirstEpoch}";
            var last = plot.Add.ScatterPoints(x, r.Select(t => Log10OrNaN(t.MeasuredLast)).ToArray(), color);
            last.MarkerShape = MarkerShape.OpenSquare;
            last.MarkerSize = 9;
            last.LegendText = $"{activation}: epoch {r[0].LastEpoch}";
            foreach (var v in r.SelectMany(t => new[] { t.Predicted, t.MeasuredFirst, t.MeasuredLast }).Where(v => v > 0 && double.IsFinite(v)))
            {
                lo = Math.Min(lo, Math.Log10(v));
                hi = Math.Max(hi, Math.Log10(v));
            }
        }
        FigureStyle.ShowLegendRight(plot);
        plot.Axes.AutoScale();
        if (double.IsFinite(lo)) CurveChart.SetDecades(plot, lo, hi);
        return plot;
    }

    private static double Log10OrNaN(double v) => v > 0 && double.IsFinite(v) ? Math.Log10(v) : double.NaN;
}
