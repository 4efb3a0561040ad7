using System.Globalization;

namespace GradFlow.Reporting;

/// <summary>Every number a figure or the report prints, in the invariant culture.</summary>
internal static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// <paramref name="significant"/> significant digits in fixed notation for magnitudes in [1e-3, 1e5),
    /// scientific outside; "—" for NaN.
    /// </summary>
    public static string Number(double v, int significant = 3) => Number(v, DecimalsFor(v, significant));

    /// <summary>Fixed notation with <paramref name="decimals"/> decimals (scientific for tiny or huge values).</summary>
    public static string Number(double v, int? decimals)
    {
        if (double.IsNaN(v)) return "—";
        if (double.IsInfinity(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return decimals is int z ? 0.0.ToString("F" + z.ToString(Inv), Inv) : "0";
        double a = Math.Abs(v);
        if (decimals is null || a < 1e-3 || a >= 1e5) return v.ToString("0.00e0", Inv);
        return v.ToString("F" + decimals.Value.ToString(Inv), Inv);
    }

    /// <summary>How many decimals show <paramref name="significant"/> significant digits of v (null: use scientific).</summary>
    public static int? DecimalsFor(double v, int significant = 3)
    {
        double a = Math.Abs(v);
        if (double.IsNaN(a) || double.IsInfinity(a) || a == 0) return 0;
        if (a < 1e-3 || a >= 1e5) return null;
        return Math.Max(0, significant - 1 - (int)Math.Floor(Math.Log10(a)));
    }

    /// <summary>mean ± std, both with the mean's decimals so columns line up.</summary>
    public static string MeanStd(double mean, double std)
    {
        if (double.IsNaN(mean)) return "—";
        int? d = DecimalsFor(mean);
        return $"{Number(mean, d)} ± {Number(std, d ?? DecimalsFor(std))}";
    }

    /// <summary>A p-value: four decimals at most, "&lt; 0.0001" below that.</summary>
    public static string P(double p) =>
        double.IsNaN(p) ? "—" : p < 1e-4 ? "< 0.0001" : "= " + p.ToString("0.0###", Inv);

    public static string Fixed(double v, string format) => double.IsNaN(v) ? "—" : v.ToString(format, Inv);

    /// <summary>Tick label of a linear axis: no thousands separator, no float noise.</summary>
    public static string Tick(double v)
    {
        double a = Math.Abs(v);
        if (a < 1e-12) return "0";
        if (a >= 1e5 || a < 1e-4) return v.ToString("0.##e0", Inv);
        return Math.Round(v, 6).ToString("0.######", Inv);
    }

    /// <summary>Tick label of a log10 axis at a whole decade: 0.001 … 1000 written out, 1e-5 beyond.</summary>
    public static string Decade(double log10Value)
    {
        int e = (int)Math.Round(log10Value);
        if (Math.Abs(log10Value - e) > 1e-9) return "";
        if (e >= -3 && e <= 4) return Math.Pow(10, e).ToString("0.###", Inv);
        return "1e" + e.ToString(Inv);
    }
}
