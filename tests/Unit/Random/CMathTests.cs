using GradFlow.Random;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

/// <summary>The C library functions the ziggurat calls, against glibc's own outputs stored by make_vectors.py.</summary>
public sealed class CMathTests
{
    [Fact]
    public void Log1p_NegatedUniformsAndBranchEdges_MatchGlibcBitForBit()
    {
        var vectors = OracleVectors.Root.GetProperty("log1p");
        var x = OracleVectors.Doubles(vectors.GetProperty("x"));
        var actual = x.Select(CMath.Log1p).ToArray();
        BitAssert.Equal(OracleVectors.Bits(vectors.GetProperty("y")), actual, "log1p");
    }

    // Both sides of every high-word threshold of fdlibm's log1p, positive arguments as well as negative
    // ones, 2^k − 1 (f = 0) and its neighbours (|f| < 2^-20), and x >= 2^53: oracle/make_branch_vectors.py.
    [Fact]
    public void Log1p_EveryBranchAndItsEdges_MatchGlibcBitForBit()
    {
        var vectors = OracleVectors.Branches.GetProperty("log1p");
        var x = OracleVectors.Doubles(vectors.GetProperty("x"));
        var actual = x.Select(CMath.Log1p).ToArray();
        BitAssert.Equal(OracleVectors.Bits(vectors.GetProperty("y")), actual, "log1p");
    }

    [Fact]
    public void MathExp_ZigguratWedgeArguments_MatchesGlibcBitForBit()
    {
        var vectors = OracleVectors.Root.GetProperty("exp");
        var x = OracleVectors.Doubles(vectors.GetProperty("x"));
        var actual = x.Select(Math.Exp).ToArray();
        BitAssert.Equal(OracleVectors.Bits(vectors.GetProperty("y")), actual, "exp");
    }

    [Theory]
    [InlineData(-1.0, double.NegativeInfinity)]
    [InlineData(0.0, 0.0)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    public void Log1p_SpecialArguments_ReturnIeeeResults(double x, double expected) =>
        Assert.Equal(expected, CMath.Log1p(x));

    [Fact]
    public void Log1p_BelowMinusOne_ReturnsNaN() => Assert.True(double.IsNaN(CMath.Log1p(-1.5)));
}
