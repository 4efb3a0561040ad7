using GradFlow.Random;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

public sealed class SeedSequenceTests
{
    public static TheoryData<string> Seeds => OracleVectors.SeedNames;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pool_OracleSeed_MatchesNumPy(string seed)
    {
        var expected = OracleVectors.ForSeed(seed).GetProperty("pool").EnumerateArray().Select(e => e.GetUInt32()).ToArray();
        var actual = new SeedSequence(UInt128.Parse(seed)).Pool.ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GenerateStateUInt64_FourWords_MatchesNumPy(string seed)
    {
        var expected = OracleVectors.UInt64s(OracleVectors.ForSeed(seed).GetProperty("state_words"));
        var actual = new ulong[4];
        new SeedSequence(UInt128.Parse(seed)).GenerateState(actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void GenerateStateUInt64_AnySeed_PairsUInt32WordsLowFirst()
    {
        var sequence = new SeedSequence(12345);
        var words = new uint[6];
        var pairs = new ulong[3];
        sequence.GenerateState(words);
        sequence.GenerateState(pairs);
        for (int i = 0; i < 3; i++) Assert.Equal(words[2 * i] | ((ulong)words[2 * i + 1] << 32), pairs[i]);
    }
}
