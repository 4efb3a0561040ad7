using System.Globalization;
using GradFlow.Activations;
using ScottPlot;
using ScottPlot.TickGenerators;
using GradFlow.IO;

namespace GradFlow.Reporting;

/// <summary>
/// The look every figure shares: 1200 × 750 px drawn at scale factor 1.5 (an 800 × 500 layout, so
/// 8 × 5 in at 150 dpi with fonts of 12–16 pt), a sans font, invariant-culture ticks, the legend
/// outside the data area, and one color per activation that is the same in every figure.
/// </summary>
internal static class FigureStyle
{
    public const int Width = 1200;
    public const int Height = 750;
    public const double ScaleFactor = 1.5;

    private static readonly IPalette ActivationPalette = new ScottPlot.Palettes.Category10();
    private static readonly IColormap LayerColormap = new ScottPlot.Colormaps.Viridis();

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot { ScaleFactor = ScaleFactor };
        plot.Font.Set(FontName);
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontSize = 16;
        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Axes.Left.Label.Text = yLabel;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontSize = 14;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = 12;
        }
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = Format.Tick };
        // Half the default density: about one labelled tick per 50 px of height, not 25.
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Format.Tick, TickDensity = 0.5 };
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// A sans font that is installed (ScottPlot's own <see cref="Fonts.Sans"/> falls back to a serif on
    /// Debian, and an unknown family silently becomes the default typeface, so the family is checked).
    /// </summary>
    public static string FontName { get; } = PickFont();

    private static string PickFont()
    {
        foreach (var name in new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" })
            if (string.Equals(Fonts.GetTypeface(name, false, false)?.FamilyName, name, StringComparison.OrdinalIgnoreCase)) return name;
        return Fonts.Default;
    }

    /// <summary>
    /// Ticks of an axis that shows log10 of the values, between <paramref name="lo"/> and <paramref name="hi"/>
    /// (log10 units): a labelled tick at every decade, unlabelled ones at 2…9 × each decade, and labels
    /// at 2× and 5× too when the axis spans less than three decades, so a short range still reads.
    /// </summary>
    public static void UseLogTicks(IAxis axis, double lo, double hi)
    {
        var ticks = new NumericManual();
        bool dense = hi - lo < 3;
        for (int d = (int)Math.Floor(lo) - 1; d <= (int)Math.Ceiling(hi); d++)
            for (int k = 1; k <= 9; k++)
            {
                double at = d + Math.Log10(k);
                if (at < lo - 1e-9 || at > hi + 1e-9) continue;
                if (k == 1) ticks.AddMajor(at, Format.Decade(d));
                else if (dense && (k == 2 || k == 5)) ticks.AddMajor(at, Format.Tick(k * Math.Pow(10, d)));
                else ticks.AddMinor(at);
            }
        axis.TickGenerator = ticks;
    }

    public static void ShowLegendRight(Plot plot) => plot.ShowLegend(Edge.Right);

    /// <summary>The activation's color: fixed by its place in the registry, so tanh is the same color everywhere.</summary>
    public static Color ActivationColor(string activation)
    {
        int i = 0;
        for (; i < ActivationRegistry.Names.Count; i++)
            if (string.Equals(ActivationRegistry.Names[i], activation, StringComparison.OrdinalIgnoreCase)) break;
        return ActivationPalette.GetColor(i);
    }

    /// <summary>Layer k of n on a sequential scale (dark = first layer, light = last), so depth reads as a gradient.</summary>
    public static Color LayerColor(int layerIndex, int layerCount) =>
        LayerColormap.GetColor(layerCount <= 1 ? 0.0 : 0.85 * layerIndex / (layerCount - 1));

    public static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>Writes <paramref name="plot"/> as PNG or SVG (by extension) through a temporary file and a rename.</summary>
    public static void Save(Plot plot, string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".png" or ".svg"))
            throw new ArgumentException($"save: '{path}' must end in .png or .svg", nameof(path));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // ScottPlot formats some text with the current culture; the figures are invariant like every file.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            AtomicFile.Write(path, temp =>
            {
                if (ext == ".png") plot.SavePng(temp, Width, Height);
                else plot.SaveSvg(temp, Width, Height);
            });
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
