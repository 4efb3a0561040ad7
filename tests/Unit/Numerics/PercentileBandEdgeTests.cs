using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// Percentiles where the band pass's band ends right at the lower neighbour's rank (so the upper one,
/// rank lo + 1, lies just outside it), the interpolation weight exactly one half, and a NaN past the
/// first block of four; all against NumPy's rule on a sorted copy.
/// </summary>
public sealed class PercentileBandEdgeTests
{
    /// <summary>NumPy's linear percentile of sorted values: index (n − 1)·q/100, _lerp from b's side when t ≥ 0.5.</summary>
    private static double NumPy(double[] sorted, double q)
    {
        int n = sorted.Length;
        double index = (n - 1) * (q / 100.0);
        if (index >= n - 1) return sorted[n - 1];
        int lo = (int)Math.Floor(index);
        double t = index - lo, a = sorted[lo], b = sorted[lo + 1];
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    /// <summary>
    /// 2,049 values: the 256 sampled positions hold 0 … 255, 700 other values lie below them all and the
    /// rest above, so the band the pass finds holds sample values only and ends, for some lower
    /// neighbours, exactly at their rank.
    /// </summary>
    private static double[] SampleUnlikeTheRest()
    {
        const int n = 2049;
        var positions = Enumerable.Range(0, 256).Select(t => (int)((2L * t + 1) * n / 512)).ToHashSet();
        var values = new double[n];
        int s = 0, other = 0;
        for (int i = 0; i < n; i++)
            values[i] = positions.Contains(i) ? s++ : other++ < 700 ? -1000.0 - other : 1000.0 + other;
        return values;
    }

    /// <summary>A q whose lower neighbour is rank k, with t near a quarter (clear of rounding at integers).</summary>
    private static double QAt(int k, int n) => 100.0 * (k + 0.25) / (n - 1);

    [Fact]
    public void OfInPlace_EveryLowerNeighbourOfASampleUnlikeTheRest_MatchesNumPy()
    {
        var original = SampleUnlikeTheRest();
        var sorted = original.Order().ToArray();
        for (int k = 0; k < original.Length - 1; k++)
        {
            double q = QAt(k, original.Length), expected = NumPy(sorted, q);
            double actual = Percentile.OfInPlace(original.ToArray(), q);
            Assert.True(expected == actual, $"k={k}, q={q}: NumPy {expected}, got {actual}");
        }
    }

    [Fact]
    public void OfInPlaceTwoQuantiles_UpperOneAtEveryRankOfASampleUnlikeTheRest_MatchesNumPy()
    {
        var original = SampleUnlikeTheRest();
        var sorted = original.Order().ToArray();
        int n = original.Length;
        for (int k = 2; k < n - 1; k++)
        {
            foreach (int gap in new[] { 1, 2 })
            {
                double q1 = QAt(k - gap, n), q2 = QAt(k, n), p1 = NumPy(sorted, q1), p2 = NumPy(sorted, q2);
                var (first, second) = Percentile.OfInPlace(original.ToArray(), q1, q2);
                Assert.True(p1 == first && p2 == second, $"k={k}, gap={gap}: NumPy ({p1}, {p2}), got ({first}, {second})");
                var (high, low) = Percentile.OfInPlace(original.ToArray(), q2, q1);
                Assert.True(p2 == high && p1 == low, $"k={k}, gap={gap}, swapped: NumPy ({p2}, {p1}), got ({high}, {low})");
            }
        }
    }

    [Fact]
    public void OfInPlace_WeightExactlyHalf_InterpolatesFromTheUpperNeighbour()
    {
        // [0.1, 0.7, 0.9] at q = 25: index 2·0.25 = 0.5 exactly, so t = 0.5 takes NumPy's upper form
        // b − (b − a)·(1 − t) = 0.7 − 0.6·0.5 = 0.39999999999999997; the lower form a + (b − a)·t gives 0.4.
        double a = 0.1, b = 0.7, t = 0.5;
        Assert.Equal(0.39999999999999997, b - (b - a) * (1 - t));
        Assert.Equal(0.4, a + (b - a) * t);
        double actual = Percentile.OfInPlace(new[] { 0.9, 0.1, 0.7 }, 25);
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.39999999999999997), BitConverter.DoubleToInt64Bits(actual));
    }

    [Theory]
    [InlineData(8, 4)]
    [InlineData(8, 7)]
    [InlineData(12, 9)]
    [InlineData(10, 9)]
    [InlineData(2051, 2000)]
    public void OfInPlace_NaNPastTheFirstBlockOfFour_IsNaN(int n, int at)
    {
        var values = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        values[at] = double.NaN;
        Assert.True(double.IsNaN(Percentile.OfInPlace(values.ToArray(), 50)), "one percentile");
        var (first, second) = Percentile.OfInPlace(values.ToArray(), 10, 90);
        Assert.True(double.IsNaN(first) && double.IsNaN(second), "two percentiles");
        Assert.Throws<ArgumentException>(() => Percentile.Select(values.ToArray(), 0));
    }
}
