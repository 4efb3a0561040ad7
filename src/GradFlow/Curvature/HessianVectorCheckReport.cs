using System.Globalization;
using System.Text;
using GradFlow.Verification;

namespace GradFlow.Curvature;

/// <summary>One direction's HVP check: every entry of H·v against the central differences of the gradient.</summary>
public sealed record HessianVectorCheckReport(IReadOnlyList<ParameterCheck> Entries, GradientCheckOptions Options)
{
    /// <summary>The direction's probes moved a hidden pre-activation across a kink: nothing was judged.</summary>
    public bool CrossesKink => Entries.Count > 0 && Entries[0].CrossesKink;

    public IReadOnlyList<ParameterCheck> Failures => Entries.Where(e => !e.Passes(Options)).ToArray();

    public bool Passed => !CrossesKink && Failures.Count == 0;

    /// <summary>The largest |analytic − numeric| / tolerance over the entries (≤ 1 passes).</summary>
    public double WorstExcess => Entries.Count == 0 ? 0 : Entries.Max(e => e.Excess(Options));

    /// <summary>A summary naming every failing entry (at most ten, worst first) as Hv[W2[3,1]], with both values and the tolerance.</summary>
    public override string ToString()
    {
        var ic = CultureInfo.InvariantCulture;
        string ctx = Options.Context.Length > 0 ? $" ({Options.Context})" : "";
        if (CrossesKink) return $"HVP check not judged: the probes along this direction cross a kink of φ{ctx}";
        var failures = Failures;
        var sb = new StringBuilder();
        if (failures.Count == 0) sb.Append(ic, $"HVP check passed: {Entries.Count} entries of H·v, worst at {WorstExcess:G3} of its tolerance{ctx}");
        else sb.Append(ic, $"HVP check FAILED on {failures.Count} of {Entries.Count} entries of H·v{ctx}");
        foreach (var e in failures.OrderByDescending(f => f.Excess(Options)).Take(10))
            sb.Append('\n').Append(ic, $"Hv[{e.Id}]: R-operator {e.Analytic:G6}, central difference {e.Numeric:G6}, |diff| {e.AbsoluteError:G3} > tolerance {e.Tolerance(Options):G3}");
        return sb.ToString();
    }
}
