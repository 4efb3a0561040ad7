using GradFlow.Random;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

public sealed class Pcg64Tests
{
    public static TheoryData<string> Seeds => OracleVectors.SeedNames;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NextUInt64_OracleSeed_MatchesNumPyRandomRaw(string seed)
    {
        var expected = OracleVectors.UInt64s(OracleVectors.ForSeed(seed).GetProperty("raw_uint64"));
        var pcg = new Pcg64(UInt128.Parse(seed));
        var actual = expected.Select(_ => pcg.NextUInt64()).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void State_Seed0_MatchesNumPyBitGeneratorState()
    {
        // np.random.default_rng(0).bit_generator.state['state']
        var pcg = new Pcg64(0);
        Assert.Equal(UInt128.Parse("35399562948360463058890781895381311971"), pcg.State);
        Assert.Equal(UInt128.Parse("87136372517582989555478159403783844777"), pcg.Increment);
    }

    [Fact]
    public void NextUInt32_TwoCalls_SplitOneUInt64LowHalfFirst()
    {
        var a = new Pcg64(7);
        var b = new Pcg64(7);
        ulong whole = a.NextUInt64();
        Assert.Equal((uint)whole, b.NextUInt32());
        Assert.True(b.HasBufferedUInt32);
        Assert.Equal((uint)(whole >> 32), b.NextUInt32());
        Assert.False(b.HasBufferedUInt32);
    }

    [Fact]
    public void NextUInt32_BufferedHalf_SurvivesUInt64Draws()
    {
        var a = new Pcg64(99);
        var b = new Pcg64(99);
        ulong first = a.NextUInt64();
        ulong second = a.NextUInt64();
        Assert.Equal((uint)first, b.NextUInt32());
        Assert.Equal(second, b.NextUInt64());
        Assert.Equal((uint)(first >> 32), b.NextUInt32());
    }

    [Fact]
    public void NextDouble_AnySeed_IsTop53BitsTimesTwoToMinus53()
    {
        var a = new Pcg64(3);
        var b = new Pcg64(3);
        for (int i = 0; i < 100; i++) Assert.Equal((a.NextUInt64() >> 11) / 9007199254740992.0, b.NextDouble());
    }
}
