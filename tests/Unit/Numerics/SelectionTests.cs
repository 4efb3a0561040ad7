using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>The selection under Percentile: the k-th and (k+1)-th order statistics against a full sort.</summary>
public sealed class SelectionTests
{
    public static TheoryData<string, int> Orders()
    {
        var data = new TheoryData<string, int>();
        foreach (var order in new[] { "random", "sorted", "reversed", "organ-pipe", "two-values", "all-equal", "sawtooth" })
            foreach (int workFactor in new[] { Selection.DefaultWorkFactor, 0 })
                data.Add(order, workFactor);
        return data;
    }

    private static double[] Make(string order, int n)
    {
        var rng = new System.Random(3);
        return order switch
        {
            "random" => Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray(),
            "sorted" => Enumerable.Range(0, n).Select(i => (double)i).ToArray(),
            "reversed" => Enumerable.Range(0, n).Select(i => (double)(n - i)).ToArray(),
            "organ-pipe" => Enumerable.Range(0, n).Select(i => (double)Math.Min(i, n - i)).ToArray(),
            "two-values" => Enumerable.Range(0, n).Select(_ => (double)rng.Next(2)).ToArray(),
            "all-equal" => Enumerable.Repeat(0.75, n).ToArray(),
            "sawtooth" => Enumerable.Range(0, n).Select(i => (double)(i % 37)).ToArray(),
            _ => throw new ArgumentException(order),
        };
    }

    /// <summary>Work factor 0 forces the worst-case fallback (a sort of the window) from the first step.</summary>
    [Theory]
    [MemberData(nameof(Orders))]
    public void SelectPair_AnyOrderAndWorkBudget_ReturnsTheKthAndNextOrderStatistics(string order, int workFactor)
    {
        foreach (int n in new[] { 2, 16, 17, 200, 3000 })
        {
            var original = Make(order, n);
            var sorted = original.ToArray();
            Array.Sort(sorted);
            foreach (int k in new[] { 0, 1, n / 100, n / 10, n / 2, n - n / 10 - 1, n - 2 })
            {
                if (k < 0 || k + 1 >= n) continue;
                var values = original.ToArray();
                double kth = Selection.SelectPair(values, 0, n - 1, k, wantNext: true, out double next, workFactor);
                Assert.True(kth == sorted[k] && next == sorted[k + 1],
                    $"{order}, n={n}, k={k}, work factor {workFactor}: expected ({sorted[k]}, {sorted[k + 1]}), got ({kth}, {next})");
            }
        }
    }

    [Fact]
    public void SelectPair_InsideTheLowerPartOfAnEarlierSelection_UsesTheBoundaryAsNext()
    {
        // After selecting rank 50, a selection of rank 49 inside [0, 49] must find its successor at index 50.
        var rng = new System.Random(5);
        var values = Enumerable.Range(0, 500).Select(_ => rng.NextDouble()).ToArray();
        var sorted = values.OrderBy(x => x).ToArray();
        Selection.SelectPair(values, 0, values.Length - 1, 50, true, out _);
        double kth = Selection.SelectPair(values, 0, 49, 49, true, out double next);
        Assert.Equal(sorted[49], kth);
        Assert.Equal(sorted[50], next);
    }
}

/// <summary>The band pass in front of the selection: each of its outcomes, and that it loses no value.</summary>
public sealed class SelectionBandTests
{
    private static double[] Uniform(int n, int seed)
    {
        var rng = new System.Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
    }

    /// <summary>The positions TryBand samples for n values (256 of them below 16,384 values).</summary>
    private static IEnumerable<int> SamplePositions(int n, int s = 256) => Enumerable.Range(0, s).Select(t => (int)((2L * t + 1) * n / (2L * s)));

    [Fact]
    public void TryBand_RandomValues_MovesANarrowBandHoldingTheRanksToTheFront()
    {
        var values = Uniform(7200, 1);
        var sorted = values.OrderBy(x => x).ToArray();
        const int k = 6479; // NumPy's lower neighbour of the 90th percentile of 7,200 values

        var outcome = Selection.TryBand(values, k, k, wantNext: true, out int below, out int width, out _);

        Assert.Equal(Selection.BandOutcome.Band, outcome);
        Assert.True(width < values.Length / 8, $"band of {width} values");
        Assert.Equal(sorted.Take(below), values.Skip(width).Where(x => x < values[..width].Min()).OrderBy(x => x));
        var band = values[..width].OrderBy(x => x).ToArray();
        Assert.Equal(sorted[k], band[k - below]);
        Assert.Equal(sorted[k + 1], band[k + 1 - below]);
        Assert.Equal(sorted, values.OrderBy(x => x));
    }

    [Fact]
    public void TryBand_SamplePositionsHoldOutliers_GivesUpAndKeepsEveryValue()
    {
        var values = Uniform(4096, 2);
        foreach (var (at, t) in SamplePositions(values.Length).Select((at, t) => (at, t))) values[at] = 1e6 + t;
        var sorted = values.OrderBy(x => x).ToArray();
        int k = (int)(0.9 * (values.Length - 1));

        var outcome = Selection.TryBand(values, k, k, wantNext: true, out _, out _, out _);

        Assert.Equal(Selection.BandOutcome.None, outcome);
        Assert.Equal(sorted, values.OrderBy(x => x));
    }

    [Fact]
    public void OfInPlace_SamplePositionsHoldOutliers_StillMatchesTheSortedDefinition()
    {
        var values = Uniform(4096, 3);
        foreach (var (at, t) in SamplePositions(values.Length).Select((at, t) => (at, t))) values[at] = 1e6 + t;
        var sorted = values.OrderBy(x => x).ToArray();
        double index = (values.Length - 1) * (90 / 100.0);
        int lo = (int)Math.Floor(index);
        double t90 = index - lo, a = sorted[lo], b = sorted[lo + 1];
        double expected = t90 >= 0.5 ? b - (b - a) * (1 - t90) : a + (b - a) * t90;

        Assert.Equal(expected, Percentile.OfInPlace(values, 90));
    }

    [Fact]
    public void TryBand_TieCoveringTheRanks_ReportsTheTiedValue()
    {
        var rng = new System.Random(4);
        var values = Enumerable.Range(0, 7200).Select(_ => rng.Next(100) < 53 ? 0.0 : 1.0).ToArray();

        var outcome = Selection.TryBand(values, 71, 719, wantNext: true, out _, out _, out double tie);

        Assert.Equal(Selection.BandOutcome.Constant, outcome);
        Assert.Equal(0.0, tie);
    }

    [Fact]
    public void TryBand_TieInTheSampleOnly_GivesUp()
    {
        // Every sampled value is 0.5, the other values are spread: the tie is the sample's, not the data's.
        var values = Uniform(4096, 5);
        foreach (int at in SamplePositions(values.Length)) values[at] = 0.5;
        var sorted = values.OrderBy(x => x).ToArray();

        var outcome = Selection.TryBand(values, 409, 409, wantNext: true, out _, out _, out _);

        Assert.Equal(Selection.BandOutcome.None, outcome);
        Assert.Equal(sorted, values.OrderBy(x => x));
    }
}
