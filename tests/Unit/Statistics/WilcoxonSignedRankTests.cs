using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Statistics;

/// <summary>WilcoxonSignedRank.Test against scipy.stats.wilcoxon (zero_method="wilcox", correction=False).</summary>
public sealed class WilcoxonSignedRankTests
{
    private const string Section = "wilcoxon";

    public static TheoryData<string> Cases() => StatsOracle.Names(Section);

    private static (WilcoxonResult Result, System.Text.Json.JsonElement Case) Run(string name)
    {
        var c = StatsOracle.Case(Section, name);
        return (WilcoxonSignedRank.Test(c.Doubles("x"), c.Doubles("y")), c);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_ScipyCase_MatchesRankSumsAndStatisticExactly(string name)
    {
        var (r, c) = Run(name);
        Assert.Equal(c.GetProperty("r_plus").GetDouble(), r.RankSumPlus);
        Assert.Equal(c.GetProperty("r_minus").GetDouble(), r.RankSumMinus);
        Assert.Equal(c.GetProperty("t").GetDouble(), r.T);
        Assert.Equal(c.GetProperty("n").GetInt32(), r.N);
        Assert.Equal(c.GetProperty("zeros").GetInt32(), r.Zeros);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_ScipyCase_UsesTheSameMethod(string name)
    {
        var (r, c) = Run(name);
        Assert.Equal(c.GetProperty("exact").GetBoolean(), r.Exact);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_ScipyCase_MatchesPWithin1e12Relative(string name)
    {
        var (r, c) = Run(name);
        StatsOracle.AssertRelative(c.GetProperty("p").GetDouble(), r.P, 1e-12, $"{name} p");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_ScipyApproximateCase_MatchesAbsoluteZWithin1e12Relative(string name)
    {
        var (r, c) = Run(name);
        if (!c.TryGetProperty("abs_z", out var z)) return; // scipy reports z only for the normal approximation
        StatsOracle.AssertRelative(z.GetDouble(), Math.Abs(r.Z), 1e-12, $"{name} |z|");
    }

    [Fact]
    public void Test_SwappedSamples_RankSumsSwapPUnchangedEffectNegated()
    {
        double[] x = [0.92, 0.96, 0.97, 0.88, 1.0, 0.93];
        double[] y = [0.90, 0.95, 0.85, 0.89, 0.91, 0.80];
        var xy = WilcoxonSignedRank.Test(x, y);
        var yx = WilcoxonSignedRank.Test(y, x);
        Assert.Equal(xy.RankSumPlus, yx.RankSumMinus);
        Assert.Equal(xy.P, yx.P);
        Assert.Equal(-xy.RankBiserial, yx.RankBiserial);
    }

    [Fact]
    public void Test_AllDifferencesPositive_EffectIsOneAndPIsTwoOverTwoToTheN()
    {
        // Exact null: each of the 2^n sign patterns has probability 2^-n; only "all +" and "all −" are as extreme.
        var r = WilcoxonSignedRank.Test([3.0, 1.0, 4.0, 1.5, 5.0, 9.0, 2.6], [0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal(1.0, r.RankBiserial);
        Assert.Equal(2.0 / 128.0, r.P);
        Assert.Equal(7 * 8 / 2.0, r.RankSumPlus);
    }

    [Fact]
    public void ExactP_SmallN_MatchesEnumeratedSignPatterns()
    {
        // n = 4: all 16 sign patterns of ranks 1..4, counted by R+.
        const int n = 4;
        var counts = new int[11];
        for (int mask = 0; mask < 1 << n; mask++)
        {
            int sum = 0;
            for (int k = 0; k < n; k++) if ((mask >> k & 1) == 1) sum += k + 1;
            counts[sum]++;
        }
        for (int r = 0; r <= 10; r++)
        {
            double below = counts.Take(r + 1).Sum() / 16.0, above = counts.Skip(r).Sum() / 16.0;
            Assert.Equal(Math.Min(1.0, 2 * Math.Min(below, above)), WilcoxonSignedRank.ExactP(n, r));
        }
    }

    [Fact]
    public void Test_EveryDifferenceZero_PIsOneAndEffectZero()
    {
        var r = WilcoxonSignedRank.Test([0.8, 0.9], [0.8, 0.9]);
        Assert.Equal(1.0, r.P);
        Assert.Equal(0, r.N);
        Assert.Equal(2, r.Zeros);
        Assert.Equal(0.0, r.RankBiserial);
    }

    [Fact]
    public void Test_UnequalLengthsOrNaN_Throw()
    {
        Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([1.0, double.NaN], [0.0, 0.0]));
        Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([]));
    }

    [Fact]
    public void Test_EmptyDifferences_ThrowsSayingEmpty()
    {
        var e = Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([]));
        Assert.Equal("the sample is empty; the test needs at least one pair", e.Message);
    }

    [Fact]
    public void Test_NaNDifference_MessageNamesNaN()
    {
        var e = Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([1.0, double.NaN]));
        Assert.Equal("the differences must not contain NaN", e.Message);
    }

    [Fact]
    public void Test_EveryDifferenceZero_IsNotExact()
    {
        var r = WilcoxonSignedRank.Test([0.0, 0.0, 0.0]);
        Assert.False(r.Exact);
        Assert.Equal(3, r.Zeros);
    }

    [Fact]
    public void Test_TwoTieGroups_TakesTheNormalRouteWithTieCorrection()
    {
        // d = (1, −1, 2, 2, 3): |d| ranks 1.5, 1.5, 3.5, 3.5, 5; R+ = 1.5 + 3.5 + 3.5 + 5 = 13.5, R− = 1.5.
        // Two tie groups of t = 2: Σ t(t² − 1) = 12; σ² = (5·6·11 − ½·12)/24 = 13.5; mean 5·6/4 = 7.5.
        // z = 6/√13.5 = √(8/3) = 1.63299316185545206546 and p = erfc(z/√2) = erfc(2/√3)
        // = 0.102470434859749427686 (mpmath, 30 digits). A second tie group must not clear the tie flag.
        var r = WilcoxonSignedRank.Test([1.0, -1.0, 2.0, 2.0, 3.0]);
        Assert.False(r.Exact);
        Assert.Equal(13.5, r.RankSumPlus);
        Assert.Equal(1.5, r.RankSumMinus);
        Assert.Equal(1.63299316185545206546, r.Z, 1e-14);
        Assert.Equal(0.102470434859749427686, r.P, 1e-14);
    }
}
