using GradFlow.Random;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

/// <summary>The C library functions the ziggurat calls, against glibc's own outputs stored by make_vectors.py.</summary>
public sealed class CMathTests
{
    [Fact]
    public void Log1p_NegatedUniformsAndBranchEdges_MatchGlibcBitForBit() =>
        AssertLog1pMatchesGlibc(OracleVectors.Root.GetProperty("log1p"));

    // Both sides of every high-word threshold of fdlibm's log1p, positive arguments as well as negative
    // ones, 2^k − 1 (f = 0) and its neighbours (|f| < 2^-20), and x >= 2^53: oracle/make_branch_vectors.py.
    [Fact]
    public void Log1p_EveryBranchAndItsEdges_MatchGlibcBitForBit() =>
        AssertLog1pMatchesGlibc(OracleVectors.Branches.GetProperty("log1p"));

    // Doubles at a threshold where the neighbouring branch rounds to the next double (found by
    // oracle/log1p_branch_search.cs): only the branch glibc takes gives its bits there.
    [Fact]
    public void Log1p_ArgumentsWhereTheNeighbouringBranchRoundsApart_MatchGlibcBitForBit() =>
        AssertLog1pMatchesGlibc(OracleVectors.Branches.GetProperty("log1p_branch_ties"));

    [Fact]
    public void MathExp_ZigguratWedgeArguments_MatchesGlibcBitForBit()
    {
        var vectors = OracleVectors.Root.GetProperty("exp");
        var x = OracleVectors.Doubles(vectors.GetProperty("x"));
        var actual = x.Select(Math.Exp).ToArray();
        BitAssert.Equal(OracleVectors.Bits(vectors.GetProperty("y")), actual, "exp");
    }

    private static void AssertLog1pMatchesGlibc(System.Text.Json.JsonElement vectors)
    {
        var x = OracleVectors.Doubles(vectors.GetProperty("x"));
        BitAssert.Equal(OracleVectors.Bits(vectors.GetProperty("y")), x.Select(CMath.Log1p).ToArray(), "log1p");
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
