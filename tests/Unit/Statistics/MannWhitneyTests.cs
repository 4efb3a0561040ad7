using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Statistics;

/// <summary>MannWhitney.Test against scipy.stats.mannwhitneyu(method="asymptotic", use_continuity=True).</summary>
public sealed class MannWhitneyTests
{
    private const string Section = "mann_whitney";

    public static TheoryData<string> Cases() => StatsOracle.Names(Section);

    private static (MannWhitneyResult Result, System.Text.Json.JsonElement Case) Run(string name)
    {
        var c = StatsOracle.Case(Section, name);
        return (MannWhitney.Test(c.Doubles("x"), c.Doubles("y")), c);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_ScipyCase_MatchesUExactly(string name)
    {
        var (r, c) = Run(name);
        Assert.Equal(c.GetProperty("u").GetDouble(), r.U);
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
    public void Test_ScipyCase_MatchesSignedZWithin1e12Relative(string name)
    {
        var (r, c) = Run(name);
        double z = c.DoubleOrNaN("z");
        if (double.IsNaN(z)) return; // every value tied: z is 0/0 there, see Test_AllValuesTied_PIsOneAndZIsZero
        StatsOracle.AssertRelative(z, r.Z, 1e-12, $"{name} z");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_ScipyCase_RankBiserialIsTwoUOverN1N2MinusOne(string name)
    {
        var (r, c) = Run(name);
        Assert.Equal(c.GetProperty("rank_biserial").GetDouble(), r.RankBiserial);
        Assert.Equal(c.GetProperty("x").GetArrayLength(), r.N1);
        Assert.Equal(c.GetProperty("y").GetArrayLength(), r.N2);
    }

    [Fact]
    public void Test_AllValuesTied_PIsOneAndZIsZero()
    {
        var r = MannWhitney.Test([0.8, 0.8, 0.8], [0.8, 0.8, 0.8, 0.8]);
        Assert.Equal(1.0, r.P);
        Assert.Equal(0.0, r.Z);
        Assert.Equal(3 * 4 / 2.0, r.U);
        Assert.Equal(0.0, r.RankBiserial);
    }

    [Fact]
    public void Test_SwappedSamples_UIsComplementPUnchangedEffectNegated()
    {
        double[] x = [0.92, 0.96, 0.96, 0.88, 1.0, 0.93];
        double[] y = [0.90, 0.96, 0.85, 0.88, 0.91];
        var xy = MannWhitney.Test(x, y);
        var yx = MannWhitney.Test(y, x);
        Assert.Equal(x.Length * y.Length - xy.U, yx.U);
        Assert.Equal(xy.P, yx.P);
        Assert.Equal(-xy.RankBiserial, yx.RankBiserial);
        Assert.Equal(-xy.Z, yx.Z);
    }

    [Fact]
    public void Test_EveryXAboveEveryY_UIsN1N2AndRankBiserialIsOne()
    {
        var r = MannWhitney.Test([5.0, 6.0, 7.0], [1.0, 2.0]);
        Assert.Equal(3 * 2, r.U);
        Assert.Equal(1.0, r.RankBiserial);
        Assert.True(r.Z > 0);
    }

    [Fact]
    public void Test_HandRankedTies_UCountsHalfForEachTie()
    {
        // Pairs (x, y): 1 vs {1, 3}: ½ + 0; 3 vs {1, 3}: 1 + ½ → U1 = 2.
        var r = MannWhitney.Test([1.0, 3.0], [1.0, 3.0]);
        Assert.Equal(2.0, r.U);
        Assert.Equal(1.0, r.P); // U1 = μ exactly
    }

    [Fact]
    public void Test_EmptySample_Throws()
    {
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([], [1.0]));
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([1.0], []));
    }

    [Fact]
    public void Test_NaNValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([1.0, double.NaN], [2.0]));
    }

    [Fact]
    public void Test_EmptySample_MessageGivesBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => MannWhitney.Test([1.0, 2.0], []));
        Assert.Null(e.ParamName);
        Assert.Equal("both samples must be non-empty (x has 2 values, y has 0)", e.Message);
    }

    [Fact]
    public void Test_NaNValue_MessageNamesNaN()
    {
        var e = Assert.Throws<ArgumentException>(() => MannWhitney.Test([1.0], [double.NaN]));
        Assert.Equal("the samples must not contain NaN", e.Message);
    }
}
