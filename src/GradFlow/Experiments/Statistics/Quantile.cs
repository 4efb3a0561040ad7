namespace GradFlow.Experiments;

/// <summary>
/// NumPy's order statistics: <c>np.median</c> and <c>np.percentile(…, method="linear")</c>, to the bit.
/// </summary>
public static class Quantile
{
    /// <summary>
    /// <c>np.median</c>: the middle order statistic, or for even n the mean of the two middle ones,
    /// computed as NumPy does, (a + b) / 2. NaN for an empty sample or one holding NaN.
    /// </summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty || HasNaN(values)) return double.NaN;
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length, mid = n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary><c>np.percentile(values, q)</c> with the default linear method; q in [0, 100].</summary>
    public static double Percentile(ReadOnlySpan<double> values, double q)
    {
        CheckQ(q);
        if (values.IsEmpty || HasNaN(values)) return double.NaN;
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return PercentileOfSorted(sorted, q);
    }

    /// <summary>
    /// <see cref="Percentile"/> of an already ascending sample (no copy, no sort), e.g. of 10,000
    /// bootstrap means sorted once for both ends of an interval.
    /// </summary>
    public static double PercentileOfSorted(ReadOnlySpan<double> sorted, double q)
    {
        CheckQ(q);
        int n = sorted.Length;
        if (n == 0) return double.NaN;
        // NumPy's "linear" (Hyndman & Fan method 7): virtual index (n − 1)·(q/100).
        double index = (n - 1) * (q / 100.0);
        if (index >= n - 1) return sorted[n - 1];
        int lo = (int)Math.Floor(index);
        double t = index - lo;
        double a = sorted[lo], b = sorted[lo + 1];
        double diff = b - a;
        // NumPy's _lerp: from the nearer end, so that t = 1 gives b exactly and the result is monotone in t.
        return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
    }

    private static void CheckQ(double q)
    {
        if (!(q >= 0.0 && q <= 100.0))
            throw new ArgumentOutOfRangeException(nameof(q), q, "a percentile must lie in [0, 100]");
    }

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (double.IsNaN(v)) return true;
        return false;
    }
}
