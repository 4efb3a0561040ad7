using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Statistics;

/// <summary>SignTest against scipy.stats.binomtest(k, n, 0.5).</summary>
public sealed class SignTestTests
{
    private const string Section = "sign";

    public static TheoryData<string> Cases() => StatsOracle.Names(Section);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_ScipyBinomtestCase_MatchesPWithin1e12Relative(string name)
    {
        var c = StatsOracle.Case(Section, name);
        int k = c.GetProperty("k").GetInt32(), n = c.GetProperty("n").GetInt32();
        // k positive and n − k negative differences, plus two zeros that the test must drop.
        double[] d = [.. Enumerable.Repeat(1.0, k), .. Enumerable.Repeat(-0.5, n - k), 0.0, 0.0];
        var r = SignTest.Test(d);
        Assert.Equal(k, r.Positive);
        Assert.Equal(n - k, r.Negative);
        Assert.Equal(2, r.Zeros);
        StatsOracle.AssertRelative(c.GetProperty("p").GetDouble(), r.P, 1e-12, $"{name} p");
    }

    [Fact]
    public void Test_HandCountedTenOfTen_PIsTwoOver1024()
    {
        var r = SignTest.Test([.. Enumerable.Range(1, 10).Select(i => (double)i)], new double[10]);
        Assert.Equal(2.0 / 1024.0, r.P);
        Assert.Equal(1.0, r.Effect);
    }

    [Fact]
    public void Test_EightOfTen_PIsTwiceTheBinomialTail()
    {
        // P(X ≤ 2) for Binomial(10, ½) = (1 + 10 + 45)/1024.
        double[] d = [1, 1, 1, 1, 1, 1, 1, 1, -1, -1];
        var r = SignTest.Test(d);
        Assert.Equal(2.0 * 56.0 / 1024.0, r.P, 1e-15);
        Assert.Equal(0.6, r.Effect, 1e-15);
    }

    [Fact]
    public void Test_EveryDifferenceZero_PIsOne()
    {
        var r = SignTest.Test([2.0, 3.0], [2.0, 3.0]);
        Assert.Equal(1.0, r.P);
        Assert.Equal(0, r.N);
    }

    [Fact]
    public void Test_UnequalLengthsOrNaN_Throw()
    {
        Assert.Throws<ArgumentException>(() => SignTest.Test([1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => SignTest.Test([double.NaN]));
    }

    [Fact]
    public void Test_UnequalLengths_MessageGivesBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => SignTest.Test([1.0, 2.0, 3.0], [1.0]));
        Assert.Equal("paired samples must have equal lengths (x has 3 values, y has 1)", e.Message);
    }

    [Fact]
    public void Test_EmptyDifferences_ThrowsSayingEmpty()
    {
        var e = Assert.Throws<ArgumentException>(() => SignTest.Test([]));
        Assert.Equal("the sample is empty; the test needs at least one pair", e.Message);
    }

    [Fact]
    public void Test_NaNDifference_MessageNamesNaN()
    {
        var e = Assert.Throws<ArgumentException>(() => SignTest.Test([1.0, double.NaN]));
        Assert.Equal("the differences must not contain NaN", e.Message);
    }

    [Fact]
    public void N_TwoPositiveOneNegativeOneZero_IsThree()
    {
        // Differences +1, +2, −1, 0: two above 0, one below, the zero dropped, so n = 2 + 1.
        var r = SignTest.Test([1.0, 2.0, -1.0, 0.0]);
        Assert.Equal(2, r.Positive);
        Assert.Equal(1, r.Negative);
        Assert.Equal(1, r.Zeros);
        Assert.Equal(3, r.N);
    }
}
