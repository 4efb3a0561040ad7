using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GradFlow.Data;
using GradFlow.Random;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

/// <summary>
/// Seeds of 2^128 and beyond, as NumPy takes them: SeedSequence splits the integer into 32-bit words and
/// mixes the words past its 4-word pool in a third stage. Reference: oracle/big_seeds.json (make_big_seeds.py).
/// </summary>
public sealed class BigSeedTests
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Random", "oracle", "big_seeds.json"))));

    public static TheoryData<string> Seeds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var s in Document.Value.RootElement.GetProperty("seeds").EnumerateArray()) data.Add(s.GetProperty("seed").GetString()!);
            return data;
        }
    }

    private static JsonElement For(string seed) =>
        Document.Value.RootElement.GetProperty("seeds").EnumerateArray().Single(s => s.GetProperty("seed").GetString() == seed);

    private static BigInteger Parse(string seed) => BigInteger.Parse(seed, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Words_BigSeed_AsManyAsNumPySplitsItInto(string seed) =>
        Assert.Equal(For(seed).GetProperty("words").GetInt32(), SeedSequence.Words(Parse(seed)).Length);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pool_BigSeed_MatchesNumPy(string seed)
    {
        var expected = For(seed).GetProperty("pool").EnumerateArray().Select(e => e.GetUInt32()).ToArray();
        Assert.Equal(expected, new SeedSequence(Parse(seed)).Pool.ToArray());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GenerateState_BigSeed_MatchesNumPy(string seed)
    {
        var actual = new ulong[4];
        new SeedSequence(Parse(seed)).GenerateState(actual);
        Assert.Equal(OracleVectors.UInt64s(For(seed).GetProperty("state_words")), actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Draws_BigSeed_MatchNumPyBitForBit(string seed)
    {
        var entry = For(seed);
        var raw = Generator.DefaultRng(Parse(seed));
        Assert.Equal(OracleVectors.UInt64s(entry.GetProperty("raw_uint64")), Enumerable.Range(0, 8).Select(_ => raw.NextUInt64()).ToArray());
        var normal = new double[16];
        Generator.DefaultRng(Parse(seed)).StandardNormal(normal);
        BitAssert.Equal(OracleVectors.Bits(entry.GetProperty("standard_normal")), normal, "standard_normal");
        Assert.Equal(OracleVectors.Ints(entry.GetProperty("permutation_10")), Generator.DefaultRng(Parse(seed)).Permutation(10));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void XorData_BigSeed_MatchesTheStudysStream(string seed)
    {
        var root = Document.Value.RootElement;
        var data = Xor.Generate(root.GetProperty("xor_n").GetInt32(), root.GetProperty("xor_noise").GetDouble(), Parse(seed));
        BitAssert.Equal(OracleVectors.Bits(For(seed).GetProperty("xor_x")), data.X, "xor X");
    }

    [Fact]
    public void SeedSequence_NegativeSeed_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeedSequence(BigInteger.MinusOne));
}
