namespace GradFlow.Experiments;

/// <summary>
/// The exact sign test: of the n non-zero paired differences, k are positive; under the null each sign is
/// a fair coin, so p = min(1, 2·P(X ≤ min(k, n − k))) with X ~ Binomial(n, ½), which is what
/// <c>scipy.stats.binomtest(k, n, 0.5)</c> returns for p = ½ (its tails are symmetric there).
/// </summary>
public static class SignTest
{
    /// <summary>Tests whether x − y is as often positive as negative; see <see cref="SignTestResult"/>.</summary>
    public static SignTestResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Test(PairedDifferences.Of(x, y));

    /// <summary>The one-sample form on <paramref name="differences"/> (e.g. value − threshold per seed).</summary>
    public static SignTestResult Test(ReadOnlySpan<double> differences)
    {
        if (differences.IsEmpty) throw new ArgumentException("the sample is empty; the test needs at least one pair");
        int positive = 0, negative = 0;
        foreach (double v in differences)
        {
            if (double.IsNaN(v)) throw new ArgumentException("the differences must not contain NaN");
            if (v > 0) positive++;
            else if (v < 0) negative++;
        }
        int n = positive + negative, zeros = differences.Length - n;
        if (n == 0) return new SignTestResult(0, 0, zeros, 1.0, 0.0);
        return new SignTestResult(positive, negative, zeros, TwoSidedP(n, Math.Min(positive, negative)), (positive - negative) / (double)n);
    }

    /// <summary>min(1, 2·Σ_{i ≤ m} C(n, i)/2^n), summed from the largest term down in ratios so nothing underflows early.</summary>
    internal static double TwoSidedP(int n, int m)
    {
        // log C(n, m) − n·ln 2, then the tail Σ_{i ≤ m} C(n, i)/C(n, m) by the ratio C(n, i−1)/C(n, i) = i/(n − i + 1).
        double logTerm = -n * Math.Log(2.0);
        for (int j = 1; j <= m; j++) logTerm += Math.Log((n - m + j) / (double)j);
        double tail = 1.0, ratio = 1.0;
        for (int i = m; i >= 1; i--)
        {
            ratio *= i / (double)(n - i + 1);
            tail += ratio;
        }
        return Math.Min(1.0, 2.0 * tail * Math.Exp(logTerm));
    }
}
