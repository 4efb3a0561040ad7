using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// The band pass against a model of its rule written out with a full sort and plain counts: the sample
/// at positions ⌊(2t + 1)·n / 2s⌋ (s = 256, or 512 from 16,384 values), its sorted values at the ranks
/// kLow·s/n and kTop·s/n (kTop = kHigh, plus one with wantNext) widened by 2.5 standard deviations of a
/// binomial rank and one place more; a tie in the sample is resolved by counting; a band reaching both
/// ends of the sample, or holding more than a quarter of it, is refused; the band [pLow, pHigh] (open
/// where it reaches an end of the sample) must hold every rank asked for. Sizes n ≢ 0 (mod 4) make the
/// scalar tail of the vector passes run, on values equal to the band's ends.
/// </summary>
public sealed class SelectionBandModelTests
{
    /// <summary>What the rule predicts, and which of its edges (equalities at a comparison) the call met.</summary>
    private sealed record Prediction(Selection.BandOutcome Outcome, int Below, double[] Band, double Constant, IReadOnlyList<string> Edges);

    private static Prediction Rule(double[] a, int kLow, int kHigh, bool wantNext)
    {
        var edges = new List<string>();
        int n = a.Length;
        if (n < Selection.BandMinimum) return new(Selection.BandOutcome.None, 0, [], 0, edges);
        int s = n >= 16384 ? 512 : 256;
        var sample = new double[s];
        for (int t = 0; t < s; t++) sample[t] = a[(int)((2L * t + 1) * n / (2L * s))];
        Array.Sort(sample);

        int kTop = wantNext ? kHigh + 1 : kHigh;
        double rankLow = (double)kLow * s / n, rankHigh = (double)kTop * s / n;
        double sdLow = Math.Sqrt(rankLow * (1 - rankLow / s)), sdHigh = Math.Sqrt(rankHigh * (1 - rankHigh / s));
        int iLow = (int)Math.Floor(rankLow - 2.5 * sdLow) - 1;
        int iHigh = (int)Math.Ceiling(rankHigh + 2.5 * sdHigh) + 1;
        if (iLow == 0) edges.Add("iLow = 0");
        if (iLow == -1) edges.Add("iLow = -1");
        if (iHigh == s) edges.Add("iHigh = s");
        if (iHigh == s - 1) edges.Add("iHigh = s - 1");
        double sLow = sample[Math.Max(iLow, 0)], sHigh = sample[Math.Min(iHigh, s - 1)];

        if (sLow == sHigh)
        {
            int less = 0, atMost = 0;
            foreach (double x in a)
            {
                less += x < sLow ? 1 : 0;
                atMost += x <= sLow ? 1 : 0;
            }
            if (less == kLow) edges.Add("tie: less = kLow");
            if (atMost == kTop + 1) edges.Add("tie: atMost = kTop + 1");
            if (atMost == kTop) edges.Add("tie: atMost = kTop");
            bool covers = less <= kLow && kTop < atMost;
            return new(covers ? Selection.BandOutcome.Constant : Selection.BandOutcome.None, 0, [], sLow, edges);
        }
        if (iLow < 0 && iHigh >= s) return new(Selection.BandOutcome.None, 0, [], 0, edges);
        double pLow = iLow < 0 ? double.NegativeInfinity : sLow;
        double pHigh = iHigh >= s ? double.PositiveInfinity : sHigh;
        int inBand = sample.Count(x => pLow <= x && x <= pHigh);
        if (inBand == s / 4) edges.Add("inBand = s/4");
        if (inBand == s / 4 + 1) edges.Add("inBand = s/4 + 1");
        if (inBand > s / 4) return new(Selection.BandOutcome.None, 0, [], 0, edges);

        int below = 0;
        var bandList = new List<double>();
        foreach (double x in a)
        {
            if (x < pLow) below++;
            else if (x <= pHigh) bandList.Add(x); // in index order
        }
        var band = bandList.ToArray();
        if (below == kLow) edges.Add("below = kLow");
        if (below == kLow + 1) edges.Add("below = kLow + 1");
        if (below + band.Length == kTop + 1) edges.Add("below + width = kTop + 1");
        if (below + band.Length == kTop) edges.Add("below + width = kTop");
        for (int i = n & ~3; i < n; i++)
        {
            if (a[i] == pLow) edges.Add("tail = pLow");
            if (a[i] == pHigh) edges.Add("tail = pHigh");
            if (a[i] < pLow) edges.Add("tail < pLow");
        }
        bool holds = below <= kLow && kTop < below + band.Length;
        return new(holds ? Selection.BandOutcome.Band : Selection.BandOutcome.None, below, band, 0, edges);
    }

    /// <summary>Runs TryBand on a copy, checks it against the rule, and returns the edges the call met.</summary>
    private static IReadOnlyList<string> Check(double[] original, int kLow, int kHigh, bool wantNext)
    {
        var expected = Rule(original, kLow, kHigh, wantNext);
        var values = original.ToArray();
        var outcome = Selection.TryBand(values, kLow, kHigh, wantNext, out int below, out int width, out double constant);
        string where = $"n={original.Length}, kLow={kLow}, kHigh={kHigh}, wantNext={wantNext}";
        Assert.True(expected.Outcome == outcome, $"{where}: expected {expected.Outcome}, got {outcome}");
        switch (outcome)
        {
            case Selection.BandOutcome.Band:
                Assert.True(expected.Below == below, $"{where}: below {below}, expected {expected.Below}");
                Assert.True(expected.Band.Length == width, $"{where}: width {width}, expected {expected.Band.Length}");
                Assert.True(expected.Band.AsSpan().SequenceEqual(values.AsSpan(0, width)), $"{where}: the band's values not in index order at the front");
                break;
            case Selection.BandOutcome.Constant:
                Assert.True(expected.Constant == constant, $"{where}: tie {constant}, expected {expected.Constant}");
                break;
        }
        Assert.True(Fingerprint(original) == Fingerprint(values), $"{where}: not a permutation of the values");
        return expected.Edges;
    }

    /// <summary>Sums of the bit patterns and of their squares (mod 2^64): equal for any permutation, cheaper than a sort.</summary>
    private static (long, long) Fingerprint(double[] values)
    {
        long sum = 0, squares = 0;
        foreach (double x in values)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            sum = unchecked(sum + bits);
            squares = unchecked(squares + bits * bits);
        }
        return (sum, squares);
    }

    /// <summary>Every rank alone, with and without its successor, and ranges of several widths from every rank.</summary>
    private static HashSet<string> Sweep(double[] values, int step = 1)
    {
        var edges = new HashSet<string>();
        int n = values.Length;
        for (int k = 0; k < n; k += step)
        {
            edges.UnionWith(Check(values, k, k, wantNext: false));
            if (k + 1 < n) edges.UnionWith(Check(values, k, k, wantNext: true));
            foreach (int d in new[] { 3, 90, 400 })
                if (k + d + 1 < n) edges.UnionWith(Check(values, k, k + d, wantNext: (k & 1) == 0));
        }
        return edges;
    }

    /// <summary>From a few ranks, every wider range up to 700 ranks: the band's sample count crosses a quarter of the sample.</summary>
    private static HashSet<string> RangeSweep(double[] values, params int[] kLows)
    {
        var edges = new HashSet<string>();
        foreach (int kLow in kLows)
            for (int kHigh = kLow; kHigh <= kLow + 700 && kHigh + 1 < values.Length; kHigh++)
                edges.UnionWith(Check(values, kLow, kHigh, wantNext: (kHigh & 1) == 1));
        return edges;
    }

    private static void AssertMet(HashSet<string> met, params string[] edges)
    {
        foreach (string edge in edges) Assert.True(met.Contains(edge), $"the sweep never met {edge}; it met {string.Join(", ", met)}");
    }

    /// <summary>0, 1, … in index order, then copies of sampled values in the scalar tail.</summary>
    private static double[] SortedWithTail(int n, params int[] tailCopies)
    {
        var values = new double[n];
        int body = n & ~3;
        for (int i = 0; i < body; i++) values[i] = i;
        for (int i = body; i < n; i++) values[i] = tailCopies[i - body];
        return values;
    }

    [Fact]
    public void TryBand_SortedValuesWithSampledCopiesInTheTail_FollowsTheRuleAtEveryRank()
    {
        // n = 2051: three values past the last block of four, two of them copies of sampled values (a[i] = i).
        var sampled = SamplePositions(2051).ToArray();
        var values = SortedWithTail(2051, sampled[100], sampled[128], 5);
        var met = Sweep(values);
        met.UnionWith(RangeSweep(values, 40, 700, 1300));
        AssertMet(met, "iLow = 0", "iLow = -1", "iHigh = s", "iHigh = s - 1", "inBand = s/4", "inBand = s/4 + 1",
            "below = kLow", "tail = pLow", "tail = pHigh", "tail < pLow");
    }

    [Fact]
    public void TryBand_RandomValuesWithSampledCopiesInTheTail_FollowsTheRuleAtEveryRank()
    {
        var rng = new System.Random(11);
        var values = new double[2050];
        for (int i = 0; i < 2048; i++) values[i] = rng.NextDouble();
        values[2048] = values[SamplePositions(2050).ElementAt(100)];
        values[2049] = values[SamplePositions(2050).ElementAt(200)];
        var met = Sweep(values);
        met.UnionWith(RangeSweep(values, 10, 900));
        AssertMet(met, "iLow = 0", "iHigh = s", "inBand = s/4", "inBand = s/4 + 1", "below = kLow", "tail = pLow", "tail = pHigh");
    }

    [Fact]
    public void TryBand_SampleUnlikeTheRest_FollowsTheRuleWhereTheBandJustHoldsTheRanks()
    {
        // The sample holds 0 … 255; of the other 1,793 values 700 lie below all of them and the rest above,
        // so the band [pLow, pHigh] holds sample values only, and the values below it are the 700 plus the
        // sample's: the count below and the band's top end cross the ranks asked for at known places.
        const int n = 2049;
        var positions = SamplePositions(n).ToHashSet();
        var values = new double[n];
        int t = 0, other = 0;
        for (int i = 0; i < n; i++)
            values[i] = positions.Contains(i) ? t++ : other++ < 700 ? -1000.0 - other : 1000.0 + other;
        values[n - 1] = 100; // the tail (not sampled) repeats a sample value
        var met = Sweep(values);
        AssertMet(met, "below = kLow", "below = kLow + 1", "below + width = kTop + 1", "below + width = kTop", "tail = pLow", "tail = pHigh");
    }

    [Fact]
    public void TryBand_FewDistinctValues_FollowsTheRuleOnTiesAtEveryRank()
    {
        var rng = new System.Random(12);
        var values = Enumerable.Range(0, 2051).Select(_ => (double)rng.Next(7)).ToArray();
        var met = Sweep(values, step: 3);
        AssertMet(met, "tie: less = kLow", "tie: atMost = kTop + 1");
    }

    [Fact]
    public void TryBand_LargeSampleAndATail_FollowsTheRule()
    {
        // 16,387 values: the 512-value sample and a tail of three.
        var rng = new System.Random(13);
        var values = Enumerable.Range(0, 16387).Select(_ => rng.NextDouble()).ToArray();
        var sampled = SamplePositions(values.Length, 512).ToArray();
        values[16384] = values[sampled[3]];
        values[16385] = values[sampled[256]];
        values[16386] = values[sampled[509]];
        var met = Sweep(values, step: 61);
        AssertMet(met, "iHigh = s");
    }

    [Fact]
    public void TryBand_SampleAllTheTiedValue_CountsTheValuesBelowAndUpToIt()
    {
        // Every sampled value is 0.5; 300 other values are 0 and 200 are 1, one of each and a 0.5 in the
        // tail (indices 2048–2050 of 2051, past the last sampled position 2046): less = 300, atMost = 1851.
        const int n = 2051;
        var positions = SamplePositions(n).ToHashSet();
        Assert.DoesNotContain(2048, positions);
        var values = Enumerable.Repeat(0.5, n).ToArray();
        int zeros = 0, ones = 0;
        for (int i = 0; i < 2048; i++)
        {
            if (positions.Contains(i)) continue;
            if (zeros < 299) { values[i] = 0.0; zeros++; }
            else if (ones < 199) { values[i] = 1.0; ones++; }
        }
        values[2048] = 0.0;
        values[2049] = 1.0;
        values[2050] = 0.5;
        Assert.Equal(300, values.Count(x => x < 0.5));
        Assert.Equal(1851, values.Count(x => x <= 0.5));

        Assert.Equal((Selection.BandOutcome.Constant, 0.5), Tie(values, 300, 1000, false));
        Assert.Equal((Selection.BandOutcome.Constant, 0.5), Tie(values, 300, 300, true));
        Assert.Equal(Selection.BandOutcome.None, Tie(values, 299, 1000, false).Outcome);
        Assert.Equal((Selection.BandOutcome.Constant, 0.5), Tie(values, 1000, 1850, false));
        Assert.Equal((Selection.BandOutcome.Constant, 0.5), Tie(values, 1000, 1849, true));
        Assert.Equal(Selection.BandOutcome.None, Tie(values, 1000, 1851, false).Outcome);
        Assert.Equal(Selection.BandOutcome.None, Tie(values, 1000, 1850, true).Outcome);
        foreach (var (kLow, kHigh, next) in new[] { (300, 1000, false), (1000, 1850, false), (1000, 1850, true), (299, 300, true) })
            Check(values, kLow, kHigh, next);
    }

    private static (Selection.BandOutcome Outcome, double Constant) Tie(double[] original, int kLow, int kHigh, bool wantNext)
    {
        var values = original.ToArray();
        var outcome = Selection.TryBand(values, kLow, kHigh, wantNext, out _, out _, out double constant);
        return (outcome, outcome == Selection.BandOutcome.Constant ? constant : double.NaN);
    }

    private static IEnumerable<int> SamplePositions(int n, int s = 256) => Enumerable.Range(0, s).Select(t => (int)((2L * t + 1) * n / (2L * s)));
}
