using GradFlow.Activations;
using GradFlow.Diagnostics;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Diagnostics;

/// <summary>
/// Epoch after epoch on the same <see cref="GradientFlowMetrics"/>, caches that stay, jump and shrink: every
/// percentile column is NumPy's linear-interpolation percentile of that epoch's values alone (a sort-based model
/// here), whatever the epochs before it were.
/// </summary>
public sealed class GradientFlowMetricsEpochTests
{
    private static double NumPyPercentile(IEnumerable<double> values, double q) => SortedPercentileModel.Of(values, q);

    private static void AssertBits(double expected, double actual, string what) => SortedPercentileModel.AssertBits(expected, actual, what);

    [Theory]
    [InlineData(20)]
    [InlineData(37)]
    public void Percentiles_EpochsThatStayJumpAndShrink_AreEachEpochsOwn(int rows)
    {
        var arch = new Architecture([2, 10, 6, 1]);
        var metrics = new GradientFlowMetrics(arch, Activation<Relu>.Instance, rows);
        var columns = metrics.Columns.ToList();
        var rng = new System.Random(rows);
        double[][] z = [Random(rng, 10 * rows), Random(rng, 6 * rows)];
        double[][] dphi = [Random(rng, 10 * rows), Random(rng, 6 * rows)];
        double[][] delta = [new double[10 * rows], new double[6 * rows], new double[rows]];
        // Per epoch: how every value changes from the epoch before. A jump follows directly on the first epoch
        // that can keep its band (the second), so counts left over from an epoch before would show.
        Func<double, double>[] steps =
        [
            v => v, v => v,
            v => v + 1000, v => v,                 // everything above every value seen so far
            v => v * 1e-6, v => v,                 // everything below
            v => v, v => -v, v => v,               // reversed in place; the same magnitudes, the signs flipped
        ];
        var row = new double[metrics.Columns.Count];
        for (int epoch = 0; epoch < steps.Length; epoch++)
        {
            foreach (var a in z.Concat(dphi))
                for (int i = 0; i < a.Length; i++) a[i] = steps[epoch](a[i]);
            if (epoch == 6)
                foreach (var a in z.Concat(dphi)) a.AsSpan().Reverse();
            metrics.Write(z, dphi, delta, row);

            var absZ = z.SelectMany(a => a).Select(Math.Abs).ToArray();
            var absD = dphi.SelectMany(a => a).Select(Math.Abs).ToArray();
            string at = $"rows {rows}, epoch {epoch}";
            AssertBits(NumPyPercentile(absZ, 90), row[columns.IndexOf("z_p90_abs")], $"z_p90_abs, {at}");
            AssertBits(NumPyPercentile(z[0].Select(Math.Abs), 90), row[columns.IndexOf("z_p90_abs_L1")], $"z_p90_abs_L1, {at}");
            AssertBits(NumPyPercentile(z[1].Select(Math.Abs), 90), row[columns.IndexOf("z_p90_abs_L2")], $"z_p90_abs_L2, {at}");
            AssertBits(NumPyPercentile(absD, 10), row[columns.IndexOf("dphi_p10_abs")], $"dphi_p10_abs, {at}");
            AssertBits(NumPyPercentile(absD, 1), row[columns.IndexOf("dphi_p01_abs")], $"dphi_p01_abs, {at}");
        }
    }

    private static double[] Random(System.Random rng, int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
}
