using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>The argument errors of Percentile and the span Log, each with its one-line message.</summary>
public sealed class PercentileArgumentTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void Select_RankOutsideTheValues_NamesTheRange(int k)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Select(new[] { 3.0, 1.0, 2.0 }, k));
        Assert.Equal("k", ex.ParamName);
        Assert.StartsWith("k must be in [0, 2] for 3 values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_LastRank_IsTheMaximum() =>
        Assert.Equal(3.0, Percentile.Select(new[] { 3.0, 1.0, 2.0 }, 2));

    [Fact]
    public void Select_ValuesWithNaN_SaysSo()
    {
        var ex = Assert.Throws<ArgumentException>(() => Percentile.Select(new[] { 1.0, double.NaN }, 0));
        Assert.StartsWith("values contain NaN, which has no rank", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfInPlace_NoValues_SaysTheyAreNeeded()
    {
        var ex = Assert.Throws<ArgumentException>(() => Percentile.OfInPlace(Span<double>.Empty, 50));
        Assert.Equal("values", ex.ParamName);
        Assert.StartsWith("the percentile of no values is undefined", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void OfInPlace_QOutsideZeroToHundred_SaysTheRange(double q)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.OfInPlace(new[] { 1.0, 2.0 }, q));
        Assert.Equal("q", ex.ParamName);
        Assert.StartsWith("a percentile must be in [0, 100]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogSpan_LengthsDiffer_NamesBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => VectorMath.Log(new double[4], new double[3]));
        Assert.Equal("span lengths differ: x 4, destination 3", ex.Message);
    }
}
