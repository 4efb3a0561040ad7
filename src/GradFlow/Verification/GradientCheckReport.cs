using System.Globalization;
using System.Text;

namespace GradFlow.Verification;

/// <summary>Every parameter's check, and what they add up to.</summary>
public sealed record GradientCheckReport(IReadOnlyList<ParameterCheck> Entries, GradientCheckOptions Options)
{
    public int KinkCrossingCount => Entries.Count(e => e.CrossesKink);

    public int CheckedCount => Entries.Count - KinkCrossingCount;

    public IReadOnlyList<ParameterCheck> Failures => Entries.Where(e => !e.Passes(Options)).ToArray();

    public bool Passed => CheckedCount > 0 && Failures.Count == 0;

    /// <summary>The checked entries furthest from their tolerance, worst first.</summary>
    public IReadOnlyList<ParameterCheck> Worst(int count) =>
        Entries.Where(e => !e.CrossesKink).OrderByDescending(e => e.Excess(Options)).Take(count).ToArray();

    /// <summary>The worst checked entry of each layer (weights and biases together), by layer.</summary>
    public IReadOnlyList<ParameterCheck> WorstPerLayer() =>
        Entries.Where(e => !e.CrossesKink).GroupBy(e => e.Id.Layer).OrderBy(g => g.Key)
            .Select(g => g.OrderByDescending(e => e.Excess(Options)).First()).ToArray();

    /// <summary>One line for an entry: "W2[3,1]: analytic 0.0123, numeric 0.0456, |diff| 0.0333 &gt; tolerance 4.6e-08 (tanh, seed 42)".</summary>
    public string Describe(ParameterCheck e)
    {
        var ic = CultureInfo.InvariantCulture;
        string op = e.Passes(Options) ? "<=" : ">";
        string ctx = Options.Context.Length > 0 ? $" ({Options.Context})" : "";
        return string.Create(ic, $"{e.Id}: analytic {e.Analytic:G6}, numeric {e.Numeric:G6}, |diff| {e.AbsoluteError:G3} {op} tolerance {e.Tolerance(Options):G3}{ctx}");
    }

    /// <summary>A summary naming every failure (at most ten), or the pass with its counts.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var failures = Failures;
        if (CheckedCount == 0) sb.Append("gradient check checked no parameter (all cross a kink)");
        else if (failures.Count == 0) sb.Append(CultureInfo.InvariantCulture, $"gradient check passed: {CheckedCount} parameters checked");
        else sb.Append(CultureInfo.InvariantCulture, $"gradient check FAILED on {failures.Count} of {CheckedCount} parameters");
        if (KinkCrossingCount > 0) sb.Append(CultureInfo.InvariantCulture, $", {KinkCrossingCount} kink-crossing not checked");
        foreach (var f in failures.OrderByDescending(f => f.Excess(Options)).Take(10)) sb.Append('\n').Append(Describe(f));
        return sb.ToString();
    }
}
