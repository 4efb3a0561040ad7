using GradFlow.Numerics;

namespace GradFlow.Experiments;

/// <summary>
/// <c>np.median</c>, to the bit. Percentiles are <see cref="Percentile"/>'s (GradFlow.Numerics), the one
/// NumPy-exact <c>np.percentile</c> of the code base.
/// </summary>
public static class Quantile
{
    /// <summary>
    /// <c>np.median</c>: the middle order statistic, or for even n the mean of the two middle ones,
    /// computed as NumPy does, (a + b) / 2. NaN for an empty sample or one holding NaN.
    /// </summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty || Percentile.ContainsNaN(values)) return double.NaN;
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length, mid = n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
