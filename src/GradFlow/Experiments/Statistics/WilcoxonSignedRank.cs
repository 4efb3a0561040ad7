using GradFlow.Numerics;

namespace GradFlow.Experiments;

/// <summary>
/// The two-sided Wilcoxon signed-rank test (Wilcoxon 1945) as scipy 1.10's <c>scipy.stats.wilcoxon(x, y)</c>
/// with its defaults <c>zero_method="wilcox"</c> (zero differences are dropped before ranking) and
/// <c>correction=False</c> (no continuity correction). The p-value is exact (the null distribution of R+,
/// every sign pattern equally likely) when there are at most <see cref="ExactLimit"/> differences, none
/// zero and no two of equal size; otherwise it is the normal approximation with the tie correction
/// σ² = (n(n+1)(2n+1) − ½·Σ t(t² − 1))/24. (Where scipy's "auto" would take the exact route with ties and
/// truncate a half-integer R+, this takes the normal route, which handles midranks.)
/// </summary>
public static class WilcoxonSignedRank
{
    /// <summary>Most differences for which the exact distribution is used (scipy's "auto" switch).</summary>
    public const int ExactLimit = 50;

    private const double Sqrt1Over2 = 0.70710678118654752440;

    /// <summary>Tests whether the paired differences x − y are symmetric about 0; see <see cref="WilcoxonResult"/>.</summary>
    /// <remarks>When every difference is zero (scipy raises) the result is p = 1, R± = 0: no evidence of a difference.</remarks>
    public static WilcoxonResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Test(PairedDifferences.Of(x, y));

    /// <summary>The one-sample form: whether <paramref name="differences"/> are symmetric about 0 (scipy's <c>wilcoxon(d)</c>).</summary>
    public static WilcoxonResult Test(ReadOnlySpan<double> differences)
    {
        if (differences.IsEmpty) throw new ArgumentException("the sample is empty; the test needs at least one pair");
        var nonzero = new List<double>(differences.Length);
        foreach (double v in differences)
        {
            if (double.IsNaN(v)) throw new ArgumentException("the differences must not contain NaN");
            if (v != 0.0) nonzero.Add(v);
        }
        int n = nonzero.Count, zeros = differences.Length - n;
        if (n == 0) return new WilcoxonResult(0.0, 0.0, 0.0, 1.0, 0, zeros, Exact: false, 0.0, 0.0);

        // Midranks (1-based) of |d|; a run of t equal sizes at sorted positions i..j−1 gets (i + 1 + j)/2.
        var size = new double[n];
        var order = new int[n];
        for (int i = 0; i < n; i++) { size[i] = Math.Abs(nonzero[i]); order[i] = i; }
        Array.Sort(size, order);
        double plus = 0.0, tieTerm = 0.0;
        bool ties = false;
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && size[j] == size[i]) j++;
            double midrank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++)
                if (nonzero[order[k]] > 0) plus += midrank;
            double t = j - i;
            tieTerm += t * (t * t - 1.0);
            ties |= j - i > 1;
            i = j;
        }
        double total = n * (n + 1) / 2.0;
        double minus = total - plus;
        double effect = (plus - minus) / total;
        double statistic = Math.Min(plus, minus);

        if (zeros == 0 && !ties && differences.Length <= ExactLimit)
            return new WilcoxonResult(plus, minus, statistic, ExactP(n, (int)plus), n, zeros, Exact: true, double.NaN, effect);

        double mean = n * (n + 1.0) * 0.25;
        double sigma = Math.Sqrt((n * (n + 1.0) * (2.0 * n + 1.0) - 0.5 * tieTerm) / 24.0);
        double z = (plus - mean) / sigma;
        double p = Math.Min(1.0, SpecialFunctions.Erfc(Math.Abs(z) * Sqrt1Over2)); // 2·sf(|z|)
        return new WilcoxonResult(plus, minus, statistic, p, n, zeros, Exact: false, z, effect);
    }

    /// <summary>
    /// Two-sided exact p of R+ = <paramref name="rankSumPlus"/> with n untied non-zero differences:
    /// 2·min(P(R+ ≤ r), P(R+ ≥ r)), at most 1. The counts of sign patterns per rank sum are integers
    /// (at most 2^50 for n ≤ 50), so the tails are exact before the one division by 2^n.
    /// </summary>
    internal static double ExactP(int n, int rankSumPlus)
    {
        int max = n * (n + 1) / 2;
        var counts = new long[max + 1];
        counts[0] = 1;
        // Subsets of {1..n} by their sum: add rank k to every subset of {1..k−1}.
        for (int k = 1; k <= n; k++)
            for (int s = k * (k + 1) / 2; s >= k; s--) counts[s] += counts[s - k];
        long below = 0, above = 0;
        for (int s = 0; s <= rankSumPlus; s++) below += counts[s];
        for (int s = rankSumPlus; s <= max; s++) above += counts[s];
        double p = 2.0 * Math.Min(below, above) / Math.Pow(2.0, n);
        return Math.Min(1.0, p);
    }
}
