using GradFlow.Numerics;
using GradFlow.Random;

namespace GradFlow.Experiments;

/// <summary>
/// Percentile bootstrap (Efron) of a mean: resample with replacement, take each resample's mean, read
/// the interval off the (1 − level)/2 and (1 + level)/2 percentiles of those means (NumPy's linear rule).
/// </summary>
public static class Bootstrap
{
    /// <summary>Resamples drawn unless told otherwise.</summary>
    public const int DefaultResamples = 10_000;

    /// <summary>
    /// The <paramref name="level"/> percentile bootstrap interval of the mean of <paramref name="values"/>,
    /// deterministic for a given <paramref name="seed"/>: indices come from
    /// <c>Generator.DefaultRng(seed)</c>, one <c>(int)(Random()·n)</c> per draw, resample after resample.
    /// </summary>
    public static BootstrapInterval MeanInterval(
        ReadOnlySpan<double> values, UInt128 seed, int resamples = DefaultResamples, double level = 0.95)
    {
        int n = values.Length;
        if (n == 0) throw new ArgumentException("the sample is empty; a bootstrap needs at least one value", nameof(values));
        if (resamples < 1) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "at least one resample is needed");
        if (!(level > 0.0 && level < 1.0)) throw new ArgumentOutOfRangeException(nameof(level), level, "the level must lie in (0, 1)");

        // Means are taken as x0 + Σ(x − x0)/n: the same value as Σx/n up to rounding, but exactly c for
        // constant data (Σx/n is not: 0.1 + 0.1 + 0.1 ≠ 0.3), so a constant sample gives [c, c].
        double origin = values[0];
        var deviations = new double[n];
        for (int i = 0; i < n; i++) deviations[i] = values[i] - origin;
        double mean = origin + Sum(deviations) / n;

        var rng = Generator.DefaultRng(seed);
        var means = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0.0;
            for (int k = 0; k < n; k++)
            {
                int index = (int)(rng.Random() * n);
                sum += deviations[Math.Min(index, n - 1)]; // Random() < 1, the guard only pins rounding at n
            }
            means[r] = origin + sum / n;
        }
        // 100·level is exact enough that level 0.95 gives exactly 2.5 and 97.5, as np.percentile is called;
        // both ends come from one shared selection, no sort.
        double percent = 100.0 * level;
        var (low, high) = Percentile.OfInPlace(means, (100.0 - percent) / 2.0, (100.0 + percent) / 2.0);
        return new BootstrapInterval(mean, low, high, resamples, level);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double s = 0.0;
        foreach (double v in values) s += v;
        return s;
    }
}
