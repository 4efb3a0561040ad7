using GradFlow.Activations;
using GradFlow.Theory;
using ScottPlot;

namespace GradFlow.Reporting;

/// <summary>
/// The order-to-chaos phase diagram of one activation in the (σ_w, σ_b) plane (Poole et al. 2016, Fig. 2;
/// Schoenholz et al. 2017, Fig. 1): the edge-of-chaos curve where χ₁ = 1, the two phases named where the
/// maps place them, and the given networks marked.
/// </summary>
public static class PhaseDiagram
{
    /// <summary>Writes <paramref name="stem"/>.png and .svg; returns their paths.</summary>
    public static IReadOnlyList<string> Write(Activation activation, IReadOnlyList<EdgePoint> curve, IReadOnlyList<PhaseMark> marks, string stem)
    {
        var written = new List<string>();
        foreach (string ext in new[] { ".png", ".svg" })
        {
            string path = stem + ext;
            FigureStyle.Save(Draw(activation, curve, marks), path);
            written.Add(path);
        }
        return written;
    }

    internal static Plot Draw(Activation activation, IReadOnlyList<EdgePoint> curve, IReadOnlyList<PhaseMark> marks)
    {
        var plot = FigureStyle.NewPlot($"{activation.Name}: order and chaos at initialisation (mean field)", "σ_w (weight std × √fan_in)", "σ_b (bias std)");
        double xMax = Math.Max(3.0, 1.15 * marks.Select(m => m.SigmaW).DefaultIfEmpty(0).Max());
        var shown = curve.Where(p => p.SigmaW <= xMax).ToArray();
        double yMax = Math.Max(1.0, 1.1 * Math.Max(shown.Select(p => p.SigmaB).DefaultIfEmpty(0).Max(), marks.Select(m => m.SigmaB).DefaultIfEmpty(0).Max()));

        var edgeColor = Colors.Black;
        bool singlePoint = shown.Length > 0 && shown.Max(p => p.SigmaW) - shown.Min(p => p.SigmaW) < 1e-9;
        if (singlePoint)
        {
            // ReLU-like: χ₁ = σ_w²/2 whatever q is, so the edge is the line σ_w = √2 (at σ_b > 0 no finite q* exists).
            var line = plot.Add.VerticalLine(shown[0].SigmaW, 2, edgeColor);
            line.LegendText = "edge of chaos (χ₁ = 1)";
        }
        else if (shown.Length > 0)
        {
            var line = plot.Add.ScatterLine(shown.Select(p => p.SigmaW).ToArray(), shown.Select(p => p.SigmaB).ToArray(), edgeColor);
            line.LineWidth = 2;
            line.LegendText = "edge of chaos (χ₁ = 1)";
        }

        // Each phase is named where the maps put it, so a label can never sit on the wrong side.
        foreach (var (x, y) in new[] { (0.15 * xMax, 0.85 * yMax), (0.85 * xMax, 0.08 * yMax) })
        {
            var phase = new SignalPropagation(activation, x * x, y * y).Analyse().Phase;
            var text = plot.Add.Text(phase == Phase.Ordered ? "ordered (χ₁ < 1)" : phase == Phase.Chaotic ? "chaotic (χ₁ > 1)" : "edge", x, y);
            text.LabelFontSize = 14;
            text.LabelFontColor = Colors.DimGray;
            text.LabelAlignment = Alignment.MiddleCenter;
        }

        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < marks.Count; i++)
        {
            var m = marks[i];
            var marker = plot.Add.Marker(m.SigmaW, m.SigmaB, MarkerShape.FilledCircle, 10, palette.GetColor(i));
            marker.LegendText = $"{m.Label} ({m.Phase.ToString().ToLowerInvariant()})";
        }
        FigureStyle.ShowLegendRight(plot);
        plot.Axes.SetLimits(0, xMax, -0.02 * yMax, yMax);
        return plot;
    }
}
