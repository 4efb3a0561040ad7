using GradFlow.Numerics;
using static GradFlow.Tests.Unit.Numerics.PercentileOracle;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>Percentile against NumPy's np.percentile, bit for bit, and its contract as an in-place operation.</summary>
public sealed class PercentileTests
{
    public static TheoryData<string> OracleCases() => Names();

    [Theory]
    [MemberData(nameof(OracleCases))]
    public void OfInPlace_NumPyCase_MatchesNumPyBitForBit(string name)
    {
        var c = Get(name);
        var failures = new List<string>();
        for (int i = 0; i < c.Q.Count; i++)
        {
            double actual = Percentile.OfInPlace(c.Values.ToArray(), c.Q[i]);
            if (!SameBits(c.Expected[i], actual))
                failures.Add($"q={c.Q[i]}: NumPy {Describe(c.Expected[i])}, got {Describe(actual)}");
        }
        Assert.True(failures.Count == 0, $"{name} (n={c.Values.Length}):\n{string.Join("\n", failures)}");
    }

    [Theory]
    [MemberData(nameof(OracleCases))]
    public void OfInPlace_SortedAndReversedOrders_MatchNumPyBitForBit(string name)
    {
        // A percentile depends on the multiset only: sorted and reversed orders are the adversarial
        // orders for a selection, and NumPy's answer for the original order must still come out.
        var c = Get(name);
        if (c.Values.Any(double.IsNaN)) return; // NaN has no sorted order; its case is covered above
        var sorted = c.Values.ToArray();
        Array.Sort(sorted);
        var reversed = sorted.Reverse().ToArray();
        var failures = new List<string>();
        for (int i = 0; i < c.Q.Count; i++)
        {
            foreach (var (order, values) in new[] { ("sorted", sorted), ("reversed", reversed) })
            {
                double actual = Percentile.OfInPlace(values.ToArray(), c.Q[i]);
                if (!SameBits(c.Expected[i], actual))
                    failures.Add($"{order}, q={c.Q[i]}: NumPy {Describe(c.Expected[i])}, got {Describe(actual)}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n{string.Join("\n", failures)}");
    }

    [Theory]
    [MemberData(nameof(OracleCases))]
    public void OfInPlaceTwoQuantiles_EveryPairOfNumPyQs_MatchesNumPyBitForBit(string name)
    {
        var c = Get(name);
        var failures = new List<string>();
        for (int i = 0; i < c.Q.Count; i++)
            for (int j = 0; j < c.Q.Count; j++)
            {
                var (first, second) = Percentile.OfInPlace(c.Values.ToArray(), c.Q[i], c.Q[j]);
                if (!SameBits(c.Expected[i], first) || !SameBits(c.Expected[j], second))
                    failures.Add($"(q1={c.Q[i]}, q2={c.Q[j]}): NumPy ({Describe(c.Expected[i])}, {Describe(c.Expected[j])}), got ({Describe(first)}, {Describe(second)})");
            }
        Assert.True(failures.Count == 0, $"{name}:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void OfInPlace_FourValuesAtMedian_AveragesTheMiddlePair()
    {
        // index (4 − 1)·0.5 = 1.5: halfway between the 2nd and 3rd smallest, 1 and 2.
        Assert.Equal(1.5, Percentile.OfInPlace(new[] { 3.0, 0.0, 2.0, 1.0 }, 50));
    }

    [Fact]
    public void OfInPlace_InterpolationWeightAtLeastHalf_InterpolatesFromTheUpperNeighbour()
    {
        // [0.1, 0.3] at q = 90: index 0.9, t = 0.9 ≥ 0.5, so NumPy computes b − (b − a)·(1 − t) =
        // 0.27999999999999997, where a + (b − a)·t would round to 0.28.
        double a = 0.1, b = 0.3, t = 1 * (90 / 100.0);
        double fromUpper = b - (b - a) * (1 - t), fromLower = a + (b - a) * t;
        Assert.NotEqual(fromLower, fromUpper); // the case distinguishes the two forms
        Assert.Equal(fromUpper, Percentile.OfInPlace(new[] { b, a }, 90));
    }

    [Fact]
    public void OfInPlace_Always_LeavesAPermutationOfTheInput()
    {
        var rng = new System.Random(7);
        var original = Enumerable.Range(0, 1000).Select(_ => (double)rng.Next(50)).ToArray();
        var values = original.ToArray();
        Percentile.OfInPlace(values, 10, 1);
        Percentile.OfInPlace(values, 90);
        Assert.Equal(original.OrderBy(x => x), values.OrderBy(x => x));
    }

    [Fact]
    public void Of_Always_LeavesTheInputUnchanged()
    {
        var values = new[] { 5.0, 1.0, 4.0, 2.0, 3.0 };
        Assert.Equal(3.0, Percentile.Of(values, 50));
        Assert.Equal(new[] { 5.0, 1.0, 4.0, 2.0, 3.0 }, values);
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(100.000001)]
    [InlineData(double.NaN)]
    public void OfInPlace_QOutsideZeroToHundred_Throws(double q)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.OfInPlace(new[] { 1.0, 2.0 }, q));
    }

    [Fact]
    public void OfInPlace_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => Percentile.OfInPlace(Span<double>.Empty, 50));
    }

    [Fact]
    public void Select_EveryRankOfTiedValues_EqualsTheSortedArrayAtThatRank()
    {
        var rng = new System.Random(11);
        foreach (int n in new[] { 1, 2, 3, 17, 130, 1500, 9000 })
        {
            var original = Enumerable.Range(0, n).Select(_ => rng.Next(n / 3 + 1) * 0.5).ToArray();
            var sorted = original.ToArray();
            Array.Sort(sorted);
            for (int k = 0; k < n; k += Math.Max(1, n / 97))
            {
                var values = original.ToArray();
                Assert.Equal(sorted[k], Percentile.Select(values, k));
                Assert.Equal(sorted[k], values[k]);
                for (int i = 0; i < k; i++) Assert.True(values[i] <= values[k], $"n={n}, k={k}: values[{i}] > values[k]");
                for (int i = k + 1; i < n; i++) Assert.True(values[i] >= values[k], $"n={n}, k={k}: values[{i}] < values[k]");
            }
        }
    }

    [Fact]
    public void Select_ValuesWithNaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => Percentile.Select(new[] { 1.0, double.NaN }, 0));
    }
}
