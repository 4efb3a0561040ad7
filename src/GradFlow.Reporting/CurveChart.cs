using ScottPlot;

namespace GradFlow.Reporting;

/// <summary>
/// The study's curve figure: per curve a mean line over a ±1 std band. On a log axis the values are
/// drawn as log10 (ScottPlot 5 has no log axis: a log tick generator labels the decades), and the band
/// lives on the log scale: mean − std would go below zero and be clipped to a flat false bottom, so the
/// band is that of the log-normal with the seeds' mean and std (<see cref="LogNormalBand"/>).
/// </summary>
internal static class CurveChart
{
    private const double BandOpacity = 0.18;
    private const float LineWidth = 2;

    public static Plot Draw(string title, string xLabel, string yLabel, IReadOnlyList<Curve> curves, bool logY)
    {
        var plot = FigureStyle.NewPlot(title, xLabel, logY ? yLabel + ", log scale" : yLabel);
        double floor = logY ? LogFloor(curves) : double.NaN;
        double Y(double v) => logY ? Math.Log10(v > floor ? v : floor) : v;

        foreach (var c in curves.Where(c => c.HasBand))
        {
            var lower = new double[c.X.Length];
            var upper = new double[c.X.Length];
            for (int i = 0; i < c.X.Length; i++)
            {
                var (low, high) = logY ? LogNormalBand(c.Mean[i], c.Std![i]) : (c.Mean[i] - c.Std![i], c.Mean[i] + c.Std[i]);
                lower[i] = Y(low);
                upper[i] = Y(high);
            }
            var band = plot.Add.FillY(c.X, lower, upper);
            band.FillColor = c.Color.WithOpacity(BandOpacity);
            band.LineWidth = 0;
        }
        foreach (var c in curves)
        {
            var line = plot.Add.ScatterLine(c.X, c.Mean.Select(Y).ToArray(), c.Color);
            line.LineWidth = LineWidth;
            line.LinePattern = c.Pattern;
            line.LegendText = c.Label;
        }
        if (curves.Count > 0) FigureStyle.ShowLegendRight(plot);

        plot.Axes.AutoScale();
        if (logY)
        {
            var (lo, hi) = YRange(curves, Y, bands: true, logBands: true);
            SetDecades(plot, lo, hi);
        }
        return plot;
    }

    /// <summary>Fits the y axis to the curves' mean ± std (with 5 % headroom): the study's zoomed view.</summary>
    public static void FitY(Plot plot, IReadOnlyList<Curve> curves)
    {
        var (lo, hi) = YRange(curves, v => v, bands: true);
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) return;
        double pad = Math.Max(0.05 * (hi - lo), 0.005);
        plot.Axes.SetLimitsY(lo - pad, hi + pad);
    }

    /// <summary>
    /// Y limits at whole decades around [lo, hi] (log10 units), at least one decade apart, with the log
    /// ticks to match. The limits sit a hair outside the decades so the edge labels are drawn.
    /// </summary>
    public static void SetDecades(Plot plot, double lo, double hi)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) { lo = -1; hi = 0; }
        double bottom = Math.Floor(lo), top = Math.Ceiling(hi);
        if (top - bottom < 1) top = bottom + 1;
        SetLogLimits(plot, bottom - 0.01, top + 0.01);
    }

    /// <summary>Sets the y limits of a log10 axis and its ticks for exactly that range.</summary>
    public static void SetLogLimits(Plot plot, double lo, double hi)
    {
        plot.Axes.SetLimitsY(lo, hi);
        FigureStyle.UseLogTicks(plot.Axes.Left, lo, hi);
    }

    /// <summary>
    /// The band of a log axis: the log-normal whose mean and std are the seeds' m and s has
    /// σ² = ln(1 + s²/m²) and median m/√(1 + s²/m²) (the moments of a log-normal, e.g. Johnson, Kotz and
    /// Balakrishnan, Continuous Univariate Distributions, ch. 14); the band is that median ×/÷ e^σ, the
    /// geometric mean ×/÷ the geometric std of such seeds, always positive. No band without a positive mean.
    /// </summary>
    public static (double Low, double High) LogNormalBand(double mean, double std)
    {
        if (!(mean > 0) || !(std > 0)) return (mean, mean);
        double ratio = std / mean, spread = 1 + ratio * ratio;
        double median = mean / Math.Sqrt(spread), factor = Math.Exp(Math.Sqrt(Math.Log(spread)));
        return (median / factor, median * factor);
    }

    /// <summary>A tenth of the smallest positive mean (or 1e-12 if none): where zeros and negative band edges are drawn.</summary>
    public static double LogFloor(IEnumerable<Curve> curves)
    {
        double min = double.PositiveInfinity;
        foreach (var c in curves)
            foreach (double v in c.Mean)
                if (v > 0 && v < min) min = v;
        return double.IsPositiveInfinity(min) ? 1e-12 : min / 10;
    }

    private static (double Lo, double Hi) YRange(IEnumerable<Curve> curves, Func<double, double> y, bool bands, bool logBands = false)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var c in curves)
            for (int i = 0; i < c.Mean.Length; i++)
            {
                double s = bands && c.Std is not null ? c.Std[i] : 0;
                double m = c.Mean[i];
                if (!double.IsFinite(m)) continue;
                var (low, high) = logBands ? LogNormalBand(m, s) : (m - s, m + s);
                double a = y(m), b = y(high), d = s > 0 ? y(low) : a;
                lo = Math.Min(lo, Math.Min(a, d));
                hi = Math.Max(hi, Math.Max(a, b));
            }
        return (lo, hi);
    }
}
