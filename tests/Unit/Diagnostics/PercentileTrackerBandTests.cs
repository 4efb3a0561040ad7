using GradFlow.Diagnostics;

namespace GradFlow.Tests.Unit.Diagnostics;

/// <summary>
/// <see cref="PercentileTracker"/> against a sort-based model of NumPy's linear percentile, over random and
/// adversarial inputs (ties, all equal, sorted, reversed, tiny sizes), and its documented costs: a call whose
/// ranks stay inside the band kept from the call before is answered from that band (no new selection),
/// even at the band's edges, and a band that overflows its room is never read.
/// </summary>
public sealed class PercentileTrackerBandTests
{
    private static double NumPyPercentile(IEnumerable<double> values, double q) => SortedPercentileModel.Of(values, q);

    private static void AssertBits(double expected, double actual, string what) => SortedPercentileModel.AssertBits(expected, actual, what);

    private static double Call(PercentileTracker tracker, double[] values)
    {
        tracker.Begin();
        tracker.Scan(values);
        return tracker.Finish(values, new double[values.Length]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NoValues_ThrowsNamingTheCount(int n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PercentileTracker(n, 50));
        Assert.Equal("n", e.ParamName);
    }

    [Fact]
    public void Finish_WrongNumberOfValues_ThrowsNamingBothCounts()
    {
        var tracker = new PercentileTracker(10, 50);
        tracker.Begin();
        var e = Assert.Throws<ArgumentException>(() => tracker.Finish(new double[9], new double[10]));
        Assert.Equal("all", e.ParamName);
        Assert.Contains("built for 10 values, not 9", e.Message);
    }

    public static TheoryData<string, int, double> Adversarial()
    {
        var data = new TheoryData<string, int, double>();
        foreach (string kind in new[] { "random", "ties", "equal", "sorted", "reversed", "two" })
            foreach (int n in new[] { 1, 2, 3, 4, 5, 7, 8, 9, 11, 13, 16, 17, 19, 100, 1003 })
                foreach (double q in new[] { 0.0, 1.0, 10.0, 50.0, 90.0, 100.0 })
                    data.Add(kind, n, q);
        return data;
    }

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void Finish_AdversarialValuesOverCalls_IsNumPysPercentileEveryCall(string kind, int n, double q)
    {
        var rng = new System.Random(n * 7919 + (int)q + kind.Length);
        var tracker = new PercentileTracker(n, q);
        for (int call = 0; call < 12; call++)
        {
            double[] values = kind switch
            {
                "ties" => Enumerable.Range(0, n).Select(_ => (double)rng.Next(3)).ToArray(),
                "equal" => Enumerable.Repeat(0.5 + call, n).ToArray(),
                "sorted" => Enumerable.Range(0, n).Select(i => i + 0.25 * call).ToArray(),
                "reversed" => Enumerable.Range(0, n).Select(i => n - i - 0.25 * call).ToArray(),
                "two" => Enumerable.Range(0, n).Select(i => i < n / 2 ? 0.0 : 1.0 + call).ToArray(),
                _ => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * (1 + call % 3)).ToArray(),
            };
            // Split the scan in pieces whose sizes are not multiples of the vector widths.
            tracker.Begin();
            for (int start = 0; start < n; start += 5) tracker.Scan(values.AsSpan(start, Math.Min(5, n - start)));
            AssertBits(NumPyPercentile(values, q), tracker.Finish(values, new double[n]), $"{kind}, n = {n}, q = {q}, call {call}");
        }
    }

    [Fact]
    public void ScanPair_FirstWithoutPivotsYet_SecondStillCountsItsOwnBand()
    {
        var rng = new System.Random(3);
        var values = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble()).ToArray();
        var first = new PercentileTracker(1000, 10);
        var second = new PercentileTracker(1000, 90);
        Call(second, values);
        first.Begin();
        second.Begin();
        PercentileTracker.Scan(first, second, values);
        AssertBits(NumPyPercentile(values, 10), first.Finish(values, new double[1000]), "first");
        AssertBits(NumPyPercentile(values, 90), second.Finish(values, new double[1000]), "second");
        Assert.Equal(1, first.Fallbacks);
        Assert.Equal(1, second.Fallbacks);   // the same values again: ranks inside its band
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(50.0)]
    [InlineData(90.0)]
    public void Finish_SameValuesEveryCall_SelectsOnlyOnce(double q)
    {
        foreach (int n in new[] { 100, 1000, 7200 }) SameValuesEveryCall(n, q);
    }

    private static void SameValuesEveryCall(int n, double q)
    {
        var rng = new System.Random(5);
        var values = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var tracker = new PercentileTracker(values.Length, q);
        for (int call = 0; call < 5; call++) AssertBits(NumPyPercentile(values, q), Call(tracker, values), $"call {call}");
        Assert.Equal(1, tracker.Fallbacks);
    }

    [Fact]
    public void Finish_TiedPercentileEveryCall_SelectsOnlyOnce()
    {
        // ReLU-like derivatives: 30 % exact zeros, the rest ones; p10 sits inside the zeros, a tie of equal pivots.
        var values = Enumerable.Range(0, 1000).Select(i => i % 10 < 3 ? 0.0 : 1.0).ToArray();
        var tracker = new PercentileTracker(values.Length, 10);
        for (int call = 0; call < 5; call++) AssertBits(0.0, Call(tracker, values), $"call {call}");
        Assert.Equal(1, tracker.Fallbacks);
    }

    [Fact]
    public void Finish_AllValuesFitTheBandExactly_SelectsOnlyOnce()
    {
        // Ten values, fewer than the margin of at least 8 ranks either side: the band is all of them, full to the last slot.
        var values = new[] { 0.7, 0.1, 0.9, 0.3, 0.5, 0.2, 0.8, 0.4, 0.6, 0.0 };
        var tracker = new PercentileTracker(values.Length, 50);
        for (int call = 0; call < 4; call++) AssertBits(NumPyPercentile(values, 50), Call(tracker, values), $"call {call}");
        Assert.Equal(1, tracker.Fallbacks);
    }

    [Fact]
    public void Finish_RankExactlyAtTheLowPivot_KeepsTheBand()
    {
        // n = 1000, q = 50: ranks 499 and 500; the band holds at least 8 ranks either side (ranks 491 … 508 and
        // beyond). The 8 largest values move below all others: rank 499 is now the value at old rank 491,
        // exactly 499 values below it: still in the band.
        var rng = new System.Random(11);
        var values = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble()).ToArray();
        var tracker = new PercentileTracker(values.Length, 50);
        AssertBits(NumPyPercentile(values, 50), Call(tracker, values), "first call");
        var order = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).Take(8).ToArray();
        for (int j = 0; j < order.Length; j++) values[order[j]] = -1.0 - j;
        AssertBits(NumPyPercentile(values, 50), Call(tracker, values), "second call");
        Assert.Equal(1, tracker.Fallbacks);
    }

    // Ranks move by `shift` (at most the margin of 8 ranks kept either side): the `shift` largest values go below
    // all others (down) or the `shift` smallest above all (up), after `calls` calls on the unchanged values (the
    // first selects, the others keep their band): the percentile's ranks stay inside the band, so no new selection.
    [Theory]
    [InlineData(100, 50.0, 3, true, 1)]
    [InlineData(100, 50.0, 3, false, 1)]
    [InlineData(1000, 50.0, 8, true, 2)]
    [InlineData(1000, 50.0, 8, false, 1)]
    [InlineData(1000, 50.0, 8, false, 2)]
    [InlineData(1000, 30.0, 5, true, 3)]
    [InlineData(1000, 70.0, 5, false, 3)]
    public void Finish_RanksShiftedWithinTheMargin_KeepTheBand(int n, double q, int shift, bool down, int calls)
    {
        var rng = new System.Random(n + shift);
        var values = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var tracker = new PercentileTracker(n, q);
        for (int call = 0; call < calls; call++) AssertBits(NumPyPercentile(values, q), Call(tracker, values), $"call {call}");
        var moved = (down ? Enumerable.Range(0, n).OrderByDescending(i => values[i]) : Enumerable.Range(0, n).OrderBy(i => values[i])).Take(shift).ToArray();
        for (int j = 0; j < moved.Length; j++) values[moved[j]] = down ? -1.0 - j : 2.0 + j;
        AssertBits(NumPyPercentile(values, q), Call(tracker, values), "shifted");
        Assert.Equal(1, tracker.Fallbacks);
    }

    // Values for a tracker of n = 1003, q = 50 (ranks 501, 502) primed on base: `below` values under all of base,
    // `inside` distinct values strictly between base's ranks 501 and 502 (so inside any band kept around them),
    // put last (the scalar tail of three among them), and the rest above all of base.
    private static double[] Crowded(double[] baseValues, int below, int inside)
    {
        var sorted = baseValues.Order().ToArray();
        double a = sorted[501], b = sorted[502];
        int n = baseValues.Length, above = n - below - inside;
        var values = new double[n];
        for (int i = 0; i < below; i++) values[i] = -1.0 - i;
        for (int i = 0; i < above; i++) values[below + i] = 2.0 + i;
        for (int i = 0; i < inside; i++) values[below + above + i] = a + (b - a) * (inside - i) / (inside + 1.0);
        return values;
    }

    [Theory]
    [InlineData(313)]
    [InlineData(314)]
    [InlineData(318)]
    [InlineData(319)]
    [InlineData(500)]
    public void Finish_MoreValuesInTheBandThanItHolds_IsStillNumPysPercentile(int inside)
    {
        // The band of 1003 values holds at most 8 · (1003 / 32) + 64 = 312; these calls put more than that in it.
        var rng = new System.Random(inside);
        var baseValues = Enumerable.Range(0, 1003).Select(_ => rng.NextDouble()).ToArray();
        var tracker = new PercentileTracker(baseValues.Length, 50);
        AssertBits(NumPyPercentile(baseValues, 50), Call(tracker, baseValues), "first call");
        var values = Crowded(baseValues, below: 400, inside);
        AssertBits(NumPyPercentile(values, 50), Call(tracker, values), $"{inside} in the band");
    }
}
