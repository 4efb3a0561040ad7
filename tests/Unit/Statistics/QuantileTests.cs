using GradFlow.Experiments;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Statistics;

/// <summary>Quantile.Median and the statistics' percentile (Numerics.Percentile) against np.median and np.percentile (linear method).</summary>
public sealed class QuantileTests
{
    private const string Section = "quantiles";

    public static TheoryData<string> Cases() => StatsOracle.Names(Section);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Median_NumPyCase_MatchesExactly(string name)
    {
        var c = StatsOracle.Case(Section, name);
        Assert.Equal(c.GetProperty("median").GetDouble(), Quantile.Median(c.Doubles("values")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Percentile_NumPyCase_MatchesExactly(string name)
    {
        var c = StatsOracle.Case(Section, name);
        double[] values = c.Doubles("values"), qs = c.Doubles("q"), expected = c.Doubles("percentile");
        for (int i = 0; i < qs.Length; i++)
            Assert.True(expected[i] == Percentile.Of(values, qs[i]),
                $"{name} q={qs[i]:R}: NumPy {expected[i]:R}, got {Percentile.Of(values, qs[i]):R}");
    }

    [Fact]
    public void OfInPlace_TwoEndsOfAnInterval_AgreeWithEachAlone()
    {
        double[] shuffled = [0.3, 0.1, 0.9, 0.5, 0.7, 0.2];
        foreach (var (lo, hi) in new[] { (2.5, 97.5), (0.0, 100.0), (40.0, 41.0) })
            Assert.Equal((Percentile.Of(shuffled, lo), Percentile.Of(shuffled, hi)), Percentile.OfInPlace(shuffled.ToArray(), lo, hi));
    }

    [Fact]
    public void Median_EvenCount_IsMeanOfMiddleTwo()
    {
        Assert.Equal((20.0 + 30.0) / 2, Quantile.Median([40.0, 10.0, 30.0, 20.0]));
    }

    [Fact]
    public void Median_Empty_IsNaN()
    {
        Assert.True(double.IsNaN(Quantile.Median([])));
    }

    [Fact]
    public void Percentile_QOutsideZeroToHundred_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([1.0, 2.0], 100.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([1.0, 2.0], -1.0));
    }
}
