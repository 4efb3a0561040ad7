using System.Numerics;
using GradFlow.Random;

namespace GradFlow.Data;

/// <summary>The study's noisy XOR task (its data.py), drawn from the same NumPy streams.</summary>
public static class Xor
{
    /// <summary>
    /// The largest noise std: a point is u + σ·z with |u| ≤ 1 and |z| below about 9 (the ziggurat's tail),
    /// so up to 1e300 every point stays finite; beyond ~1e307 a data file would hold "Infinity".
    /// </summary>
    public const double MaxNoise = 1e300;

    /// <summary>
    /// n points uniform in [−1, 1]², label 1 where x1·x2 &lt; 0, then Gaussian noise of std
    /// <paramref name="noise"/> on the inputs; with <paramref name="relabelAfterNoise"/> the label is
    /// taken from the noisy point instead. One generator: uniform(n×2), then normal(n×2).
    /// </summary>
    public static Dataset Generate(int n, double noise, BigInteger seed, bool relabelAfterNoise = false)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be positive");
        if (!(noise >= 0 && noise <= MaxNoise)) throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be a finite number >= 0 and at most 1e300");
        var rng = Generator.DefaultRng(seed);
        var x = new double[n * 2];
        var y = new double[n];
        rng.Uniform(-1.0, 1.0, x);
        if (!relabelAfterNoise) Label(x, y);
        var eps = new double[n * 2];
        rng.Normal(0.0, noise, eps);
        for (int i = 0; i < x.Length; i++) x[i] += eps[i];
        if (relabelAfterNoise) Label(x, y);
        return new Dataset(x, y, 2);
    }

    /// <summary>
    /// The study's split: a fresh generator's permutation(n); test = its first round(n·testSize)
    /// indices, train = the rest. With testSize 0 every row is train, in generation order.
    /// </summary>
    public static DataSplit Split(Dataset data, double testSize, BigInteger seed)
    {
        if (!(testSize >= 0 && testSize < 1))
            throw new ArgumentOutOfRangeException(nameof(testSize), testSize, "test size must be in [0, 1)");
        int n = data.Count;
        if (testSize == 0) return new DataSplit(data, new Dataset([], [], data.Features));
        int[] perm = Generator.DefaultRng(seed).Permutation(n);
        int nTest = TestRows(n, testSize);
        return new DataSplit(data.Take(perm.AsSpan(nTest)), data.Take(perm.AsSpan(0, nTest)));
    }

    /// <summary>
    /// The rows the split holds out: round(n·testSize) with Python's round() (half to even), as the
    /// study's <c>int(round(n * test_size))</c>; 0 with no split. The one place this rule lives.
    /// </summary>
    public static int TestRows(int n, double testSize) =>
        // Stryker disable once Equality : > 0 → >= 0 adds only testSize = ±0, where n·(±0) = ±0 rounds and converts to 0, the other branch's value
        testSize > 0 ? (int)Math.Round(n * testSize, MidpointRounding.ToEven) : 0;

    private static void Label(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++) y[i] = x[2 * i] * x[2 * i + 1] < 0 ? 1.0 : 0.0;
    }
}
