namespace GradFlow.Tests.Unit.Diagnostics;

/// <summary>The oracle of the diagnostics tests: NumPy's percentile(method="linear") from a fully sorted copy.</summary>
internal static class SortedPercentileModel
{
    /// <summary>Index (n − 1)·q/100, the lerp of its two neighbours as NumPy writes it (b − (b − a)(1 − t) from t = ½ on).</summary>
    public static double Of(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        double index = (sorted.Length - 1) * (q / 100.0);
        int lo = (int)Math.Floor(index);
        if (lo >= sorted.Length - 1) return sorted[^1];
        double t = index - lo, a = sorted[lo], b = sorted[lo + 1];
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    /// <summary>Equal bits, +0 and −0 told apart, with both values in the message.</summary>
    public static void AssertBits(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");
}
