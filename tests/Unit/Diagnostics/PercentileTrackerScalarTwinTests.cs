using GradFlow.Diagnostics;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Diagnostics;

/// <summary>
/// A <see cref="PercentileTracker"/> built with vectorize: false (the scalar scan and rank sort, taken where
/// Vector256 is not accelerated) gives call after call the vector tracker's bits and fallbacks, both equal to
/// the percentile of the values (<see cref="Percentile"/>, NumPy's linear rule).
/// </summary>
public sealed class PercentileTrackerScalarTwinTests
{
    public enum Pattern
    {
        Random,
        /// <summary>Few distinct values (ties, as a ReLU's φ′ or values at a threshold), zeros among them.</summary>
        Ties,
        Zeros,
        Negatives,
        /// <summary>−0 and +0 among positives: equal to every comparison, so only the index order of ties tells them apart.</summary>
        SignedZeros,
    }

    public static TheoryData<int, Pattern, double> Cases()
    {
        var data = new TheoryData<int, Pattern, double>();
        foreach (int n in Enumerable.Range(1, 19).Concat([64, 100, 1003]))
            foreach (Pattern p in Enum.GetValues<Pattern>())
                foreach (double q in new[] { 1.0, 50.0, 90.0 })
                    data.Add(n, p, q);
        return data;
    }

    private static double Draw(System.Random rng, Pattern p) => p switch
    {
        Pattern.Random => rng.NextDouble() * 3,
        Pattern.Ties => rng.Next(4) * 0.25,
        Pattern.Zeros => 0.0,
        Pattern.Negatives => -1 - rng.NextDouble(),
        _ => rng.Next(3) switch { 0 => -0.0, 1 => 0.0, _ => rng.NextDouble() },
    };

    // The percentile's selection may land on either zero of a tie of −0 and +0: the value is checked, the bits are the vector tracker's.
    private static void AssertPercentile(double expected, double actual, Pattern pattern, string what)
    {
        if (pattern == Pattern.SignedZeros) Assert.True(expected == actual, $"{what}: expected {expected:R}, got {actual:R}");
        else AssertSame(expected, actual, what);
    }

    private static void AssertSame(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");

    private static void Scan(PercentileTracker tracker, double[] values, int segments)
    {
        int size = (values.Length + segments - 1) / segments;
        for (int start = 0; start < values.Length; start += size)
            tracker.Scan(values.AsSpan(start, Math.Min(size, values.Length - start)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finish_ScalarScanAndRankSort_EqualsTheVectorTrackerAndThePercentileEveryCall(int n, Pattern pattern, double q)
    {
        var rng = new System.Random(n * 101 + (int)pattern * 7 + (int)q);
        var values = Enumerable.Range(0, n).Select(_ => Draw(rng, pattern)).ToArray();
        var vector = new PercentileTracker(n, q);
        var scalar = new PercentileTracker(n, q, vectorize: false);
        var scratch = new double[n];
        for (int call = 0; call < 24; call++)
        {
            // Slow drift (ranks move a little, the band paths), with a jump every eighth call (a fallback).
            for (int i = 0; i < n; i++)
                if (call % 8 == 7 || rng.Next(8) == 0) values[i] = Draw(rng, pattern);
            int segments = 1 + call % 3;
            vector.Begin();
            scalar.Begin();
            Scan(vector, values, segments);
            Scan(scalar, values, segments);
            string at = $"n = {n}, {pattern}, q = {q}, call {call}";
            double s = scalar.Finish(values, scratch);
            AssertSame(vector.Finish(values, scratch), s, at);
            AssertPercentile(Percentile.Of(values, q), s, pattern, $"{at}, percentile");
            Assert.Equal(vector.Fallbacks, scalar.Fallbacks);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ScanPair_ScalarTrackers_EqualTheVectorPairAndThePercentilesEveryCall(int n, Pattern pattern, double q)
    {
        var rng = new System.Random(n * 13 + (int)pattern * 5 + (int)q);
        var values = Enumerable.Range(0, n).Select(_ => Draw(rng, pattern)).ToArray();
        double other = 100 - q;
        var (vFirst, vSecond) = (new PercentileTracker(n, q), new PercentileTracker(n, other));
        var (sFirst, sSecond) = (new PercentileTracker(n, q, vectorize: false), new PercentileTracker(n, other, vectorize: false));
        var scratch = new double[n];
        for (int call = 0; call < 16; call++)
        {
            for (int i = 0; i < n; i++)
                if (call % 8 == 7 || rng.Next(8) == 0) values[i] = Draw(rng, pattern);
            foreach (var t in new[] { vFirst, vSecond, sFirst, sSecond }) t.Begin();
            PercentileTracker.Scan(vFirst, vSecond, values);
            PercentileTracker.Scan(sFirst, sSecond, values);
            string at = $"n = {n}, {pattern}, call {call}";
            double a = sFirst.Finish(values, scratch), b = sSecond.Finish(values, scratch);
            AssertSame(vFirst.Finish(values, scratch), a, $"{at}, q = {q}");
            AssertSame(vSecond.Finish(values, scratch), b, $"{at}, q = {other}");
            AssertPercentile(Percentile.Of(values, q), a, pattern, $"{at}, q = {q}, percentile");
            AssertPercentile(Percentile.Of(values, other), b, pattern, $"{at}, q = {other}, percentile");
            Assert.Equal((vFirst.Fallbacks, vSecond.Fallbacks), (sFirst.Fallbacks, sSecond.Fallbacks));
        }
    }
}
