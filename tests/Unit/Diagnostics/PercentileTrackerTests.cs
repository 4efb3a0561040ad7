using GradFlow.Diagnostics;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Diagnostics;

/// <summary>
/// <see cref="PercentileTracker"/> gives, call after call, exactly <see cref="Percentile"/>'s (NumPy's) value
/// of the values scanned, whether they drift, jump or tie; and a slow drift costs it no selection.
/// </summary>
public sealed class PercentileTrackerTests
{
    private static double Tracked(PercentileTracker tracker, double[] values, double[] scratch, int segments = 1)
    {
        tracker.Begin();
        int size = (values.Length + segments - 1) / segments;
        for (int start = 0; start < values.Length; start += size)
            tracker.Scan(values.AsSpan(start, Math.Min(size, values.Length - start)));
        return tracker.Finish(values, scratch);
    }

    private static void AssertSame(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");

    public static TheoryData<int, double> Cases()
    {
        var data = new TheoryData<int, double>();
        foreach (int n in new[] { 1, 2, 3, 7, 64, 1000, 3600 })
            foreach (double q in new[] { 0.0, 1.0, 10.0, 50.0, 90.0, 99.5, 100.0 })
                data.Add(n, q);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finish_SlowlyDriftingValues_EqualsPercentileEveryCall(int n, double q)
    {
        var rng = new System.Random(n * 1000 + (int)(q * 10));
        var values = Enumerable.Range(0, n).Select(_ => Math.Abs(rng.NextDouble() * 4 - 1)).ToArray();
        var tracker = new PercentileTracker(n, q);
        var scratch = new double[n];
        for (int call = 0; call < 200; call++)
        {
            // Every value moves a little, the whole distribution a little more: ranks near q shift from call to call.
            for (int i = 0; i < n; i++) values[i] = Math.Abs(values[i] * (1 + 0.01 * (rng.NextDouble() - 0.3)) + 0.001 * rng.NextDouble());
            AssertSame(Percentile.Of(values, q), Tracked(tracker, values, scratch), $"n = {n}, q = {q}, call {call}");
        }
    }

    // Two trackers scanning the same values in one pass (slowly drifting, then jumping, then tied values)
    // give, call after call, the exact percentiles, and select exactly when two trackers scanning alone do.
    [Theory]
    [InlineData(7, 10.0, 1.0)]
    [InlineData(64, 90.0, 100.0)]
    [InlineData(1000, 10.0, 1.0)]
    [InlineData(3600, 90.0, 90.0)]
    [InlineData(3601, 0.0, 50.0)]
    public void ScanPair_DriftJumpsAndTies_EqualsPercentileAndTheSingleScansPaths(int n, double qFirst, double qSecond)
    {
        var rng = new System.Random(n + (int)qFirst);
        var values = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var (first, second) = (new PercentileTracker(n, qFirst), new PercentileTracker(n, qSecond));
        var (firstAlone, secondAlone) = (new PercentileTracker(n, qFirst), new PercentileTracker(n, qSecond));
        var scratch = new double[n];
        for (int call = 0; call < 150; call++)
        {
            if (call % 50 == 49) values = values.Select(v => v * 1e3).ToArray();
            else if (call >= 100 && call % 10 == 0) for (int i = 0; i < n; i += 3) values[i] = 0.5;
            else for (int i = 0; i < n; i++) values[i] = Math.Abs(values[i] * (1 + 0.01 * (rng.NextDouble() - 0.3)));
            first.Begin();
            second.Begin();
            // In two pieces, one of odd length, so that vector blocks, tails and a second call all occur.
            int half = n / 2 | 1;
            PercentileTracker.Scan(first, second, values.AsSpan(0, Math.Min(half, n)));
            PercentileTracker.Scan(first, second, values.AsSpan(Math.Min(half, n)));
            string at = $"n = {n}, call {call}";
            AssertSame(Percentile.Of(values, qFirst), first.Finish(values, scratch), $"q = {qFirst}, {at}");
            AssertSame(Percentile.Of(values, qSecond), second.Finish(values, scratch), $"q = {qSecond}, {at}");
            Tracked(firstAlone, values, scratch, segments: 2);
            Tracked(secondAlone, values, scratch, segments: 2);
            Assert.Equal((firstAlone.Fallbacks, secondAlone.Fallbacks), (first.Fallbacks, second.Fallbacks));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finish_JumpingValues_EqualsPercentileEveryCall(int n, double q)
    {
        var rng = new System.Random(n * 7 + (int)q);
        var tracker = new PercentileTracker(n, q);
        var scratch = new double[n];
        for (int call = 0; call < 60; call++)
        {
            // A fresh distribution every few calls, at a new scale: the pivots are far off and the call falls back.
            double scale = Math.Pow(10, rng.Next(-5, 6));
            var values = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * scale).ToArray();
            for (int again = 0; again < 3; again++)
                AssertSame(Percentile.Of(values, q), Tracked(tracker, values, scratch, segments: 1 + again), $"n = {n}, q = {q}, call {call}.{again}");
        }
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(1.0)]
    [InlineData(90.0)]
    public void Finish_TiesAsReluDerivatives_EqualsPercentileEveryCall(double q)
    {
        // |φ′| ∈ {0, 1} with the share of zeros sweeping through q: the percentile is 0, 1, or between them.
        const int n = 2000;
        var tracker = new PercentileTracker(n, q);
        var scratch = new double[n];
        var rng = new System.Random(5);
        for (int call = 0; call < 300; call++)
        {
            double zeros = call / 300.0;
            var values = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < zeros ? 0.0 : 1.0).ToArray();
            AssertSame(Percentile.Of(values, q), Tracked(tracker, values, scratch), $"q = {q}, call {call}, zeros {zeros:F3}");
        }
    }

    [Fact]
    public void Finish_InfinitiesAndZeros_EqualsPercentile()
    {
        var tracker = new PercentileTracker(400, 90);
        var scratch = new double[400];
        var rng = new System.Random(9);
        for (int call = 0; call < 50; call++)
        {
            var values = Enumerable.Range(0, 400).Select(_ => rng.Next(10) switch
            {
                0 => double.PositiveInfinity,
                1 => 0.0,
                _ => rng.NextDouble(),
            }).ToArray();
            AssertSame(Percentile.Of(values, 90), Tracked(tracker, values, scratch), $"call {call}");
        }
    }

    [Fact]
    public void Finish_SlowDrift_SelectsAmongAllValuesOnlyOnTheFirstCall()
    {
        const int n = 7200;
        var rng = new System.Random(13);
        var values = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var tracker = new PercentileTracker(n, 90);
        var scratch = new double[n];
        for (int call = 0; call < 500; call++)
        {
            for (int i = 0; i < n; i++) values[i] += 1e-4 * (rng.NextDouble() + i % 3 - 1);
            AssertSame(Percentile.Of(values, 90), Tracked(tracker, values, scratch), $"call {call}");
        }
        Assert.Equal(1, tracker.Fallbacks);
    }

    [Fact]
    public void Finish_AfterTheFirstCall_AllocatesNothing()
    {
        var values = Enumerable.Range(0, 3600).Select(i => Math.Sin(i) * Math.Sin(i)).ToArray();
        var tracker = new PercentileTracker(values.Length, 10);
        var scratch = new double[values.Length];
        Tracked(tracker, values, scratch);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int call = 0; call < 100; call++) Tracked(tracker, values, scratch);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Finish_WrongNumberOfValues_Throws()
    {
        var tracker = new PercentileTracker(10, 50);
        tracker.Begin();
        Assert.Throws<ArgumentException>(() => tracker.Finish(new double[9], new double[10]));
    }
}
