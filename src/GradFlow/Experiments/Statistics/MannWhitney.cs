using GradFlow.Numerics;

namespace GradFlow.Experiments;

/// <summary>
/// The two-sided Mann–Whitney U test as <c>scipy.stats.mannwhitneyu(x, y, alternative="two-sided",
/// method="asymptotic", use_continuity=True)</c>: midranks for ties, the tie-corrected normal
/// approximation, and a continuity correction of ½ toward the mean.
/// </summary>
public static class MannWhitney
{
    private const double Sqrt1Over2 = 0.70710678118654752440; // cephes' NPY_SQRT1_2, as scipy's ndtr scales

    /// <summary>Tests whether x and y come from the same distribution; see <see cref="MannWhitneyResult"/>.</summary>
    /// <remarks>
    /// When every value of x and y is tied the variance is 0 and z is 0/0. scipy 1.10 (z = (max(U1,U2) − μ − ½)/σ
    /// = −∞) returns p = 1 after clipping 2·sf(−∞) = 2; scipy versions with the signed continuity correction
    /// return NaN. Here p = 1 and z = 0: such data hold no evidence of a difference.
    /// </remarks>
    public static MannWhitneyResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n1 = x.Length, n2 = y.Length, n = n1 + n2;
        if (n1 == 0 || n2 == 0)
            throw new ArgumentException($"both samples must be non-empty (x has {n1} values, y has {n2})");

        var values = new double[n];
        x.CopyTo(values);
        y.CopyTo(values.AsSpan(n1));
        foreach (double v in values)
            if (double.IsNaN(v)) throw new ArgumentException("the samples must not contain NaN");
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(values, order);

        // Midranks (1-based): a run of t equal values at sorted positions i..j−1 all get (i + 1 + j)/2.
        // Ranks are multiples of ½, so R1 and U1 are exact.
        double rankSumX = 0.0, tieTerm = 0.0;
        int groups = 0;
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && values[j] == values[i]) j++;
            double midrank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++)
                if (order[k] < n1) rankSumX += midrank;
            double t = j - i;
            tieTerm += t * t * t - t;
            groups++;
            i = j;
        }

        double u1 = rankSumX - n1 * (n1 + 1) / 2.0;             // U1 = R1 − n1(n1+1)/2
        double rankBiserial = 2.0 * u1 / ((double)n1 * n2) - 1.0; // = P(x > y) − P(x < y)
        if (groups == 1) return new MannWhitneyResult(u1, 1.0, rankBiserial, n1, n2, 0.0);

        // Tie-corrected σ² = n1·n2/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))), in scipy's order of operations.
        double mu = n1 * (double)n2 / 2.0;
        double sigma = Math.Sqrt(n1 * (double)n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1.0))));

        // Continuity: move U1 half a step toward μ (never past it), which can only raise p.
        double d = u1 - mu;
        double z = (d - 0.5 * Math.Sign(d)) / sigma;

        // p = 2·sf(|z|) = erfc(|z|/√2), at most 1.
        double p = Math.Min(1.0, SpecialFunctions.Erfc(Math.Abs(z) * Sqrt1Over2));
        return new MannWhitneyResult(u1, p, rankBiserial, n1, n2, z);
    }
}
