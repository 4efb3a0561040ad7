using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Reporting;

/// <summary>
/// The numbers of one bar group of the "plot_grad_flow" chart, per layer at the first and last epoch.
/// PyTorch's version shows mean |g| and max |g| over a layer's entries; GradFlow records neither per
/// entry, so the mean bar is grad_rms_L{i} (the RMS of the layer's gradient entries, a mean-magnitude
/// measure) averaged over seeds, and the max bar is the largest grad_rms_L{i} of any seed that did not
/// diverge: the worst seed, in the same unit as the mean. (grad_norm_L{i} would only rescale the RMS by
/// √(entries), so it says nothing new here; it has its own figure.)
/// </summary>
internal sealed record BarValues(string Activation, double[] MeanFirst, double[] MeanLast, double[] MaxFirst, double[] MaxLast)
{
    public static BarValues Of(SettingSummary s, int layers, IReadOnlyList<RunDigest> runs)
    {
        var meanFirst = new double[layers];
        var meanLast = new double[layers];
        var maxFirst = new double[layers];
        var maxLast = new double[layers];
        var mine = runs.Where(r => r.Key.Setting == s.Setting && !r.Diverged && r.Count > 0).ToArray();
        for (int i = 0; i < layers; i++)
        {
            string m = MetricCatalog.GradRms.Column(i + 1);
            var mean = s.MeanOf(m);
            meanFirst[i] = mean[0];
            meanLast[i] = mean[^1];
            // Without the run files (a summary read back alone) the mean is the best known bound.
            maxFirst[i] = mine.Length > 0 ? mine.Max(r => r.Initial(m)) : meanFirst[i];
            maxLast[i] = mine.Length > 0 ? mine.Max(r => r.Final(m)) : meanLast[i];
        }
        return new BarValues(s.Setting.Activation, meanFirst, meanLast, maxFirst, maxLast);
    }

    /// <summary>The [min, max] of log10 of every positive bar value, so both epochs share one y axis.</summary>
    public static (double Lo, double Hi) Range(IEnumerable<BarValues> groups)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var g in groups)
            foreach (var arr in new[] { g.MeanFirst, g.MeanLast, g.MaxFirst, g.MaxLast })
                foreach (double v in arr)
                {
                    if (!(v > 0) || !double.IsFinite(v)) continue;
                    lo = Math.Min(lo, Math.Log10(v));
                    hi = Math.Max(hi, Math.Log10(v));
                }
        return double.IsFinite(lo) ? (lo, hi) : (-1, 0);
    }
}
