using GradFlow.Diagnostics;

namespace GradFlow.Tests.Unit.Diagnostics;

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
