using System.Text.Json;
using GradFlow.Random;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

/// <summary>Generator draws against NumPy's <c>default_rng(seed)</c>, bit for bit.</summary>
public sealed class GeneratorOracleTests
{
    private const int Draws = 10_000;
    private const double ZigguratR = 3.6541528853610088;

    public static TheoryData<string> Seeds => OracleVectors.SeedNames;

    [Fact]
    public void OracleVectors_Header_RecordsNumPyVersionAndDrawCount()
    {
        Assert.StartsWith("1.", OracleVectors.NumPyVersion);
        Assert.Equal(Draws, OracleVectors.Root.GetProperty("draws").GetInt32());
        Assert.True(OracleVectors.Seeds.Count() >= 17);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_First10000Draws_MatchNumPyBitForBit(string seed)
    {
        var rng = Generator.DefaultRng(UInt128.Parse(seed));
        var values = new double[Draws];
        for (int i = 0; i < Draws; i++) values[i] = rng.Random();
        AssertHeadAndDigest(OracleVectors.ForSeed(seed).GetProperty("random"), values, "random");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomSpan_First10000Draws_MatchNumPyBitForBit(string seed)
    {
        var values = new double[Draws];
        Generator.DefaultRng(UInt128.Parse(seed)).Random(values);
        AssertHeadAndDigest(OracleVectors.ForSeed(seed).GetProperty("random"), values, "random(size)");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Uniform_MinusOneToOne_MatchesNumPyBitForBit(string seed)
    {
        var values = new double[Draws];
        Generator.DefaultRng(UInt128.Parse(seed)).Uniform(-1, 1, values);
        AssertHeadAndDigest(OracleVectors.ForSeed(seed).GetProperty("uniform"), values, "uniform(-1, 1)");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StandardNormal_First10000Draws_MatchNumPyBitForBit(string seed)
    {
        var values = new double[Draws];
        Generator.DefaultRng(UInt128.Parse(seed)).StandardNormal(values);
        BitAssert.Equal(OracleVectors.Bits(OracleVectors.ForSeed(seed).GetProperty("standard_normal")), values, "standard_normal");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Normal_ScalePoint3_MatchesNumPyBitForBit(string seed)
    {
        var values = new double[Draws];
        Generator.DefaultRng(UInt128.Parse(seed)).Normal(0, 0.3, values);
        AssertHeadAndDigest(OracleVectors.ForSeed(seed).GetProperty("normal"), values, "normal(0, 0.3)");
    }

    [Fact]
    public void StandardNormalOracle_AllSeeds_ContainTailDrawsBeyondZigguratR()
    {
        // Only the idx 0 tail sampler returns |x| > r, so these draws prove the tail path is compared.
        int tail = OracleVectors.Seeds
            .SelectMany(s => OracleVectors.Doubles(s.GetProperty("standard_normal")))
            .Count(x => Math.Abs(x) > ZigguratR);
        Assert.True(tail >= 10, $"only {tail} tail draws in the oracle data");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Permutation_Sizes1To10000_MatchNumPy(string seed)
    {
        foreach (var entry in OracleVectors.ForSeed(seed).GetProperty("permutations").EnumerateArray())
        {
            int n = entry.GetProperty("n").GetInt32();
            var expected = OracleVectors.Ints(entry.GetProperty("values"));
            Assert.Equal(expected, Generator.DefaultRng(UInt128.Parse(seed)).Permutation(n));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shuffle_DoublesArange300_MatchesPermutation(string seed)
    {
        var values = Enumerable.Range(0, 300).Select(i => (double)i).ToArray();
        Generator.DefaultRng(UInt128.Parse(seed)).Shuffle<double>(values);
        var expected = Generator.DefaultRng(UInt128.Parse(seed)).Permutation(300);
        Assert.Equal(expected.Select(i => (double)i), values);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MixedSequence_InterleavedCalls_MatchNumPyDrawsAndBufferState(string seed)
    {
        var rng = Generator.DefaultRng(UInt128.Parse(seed));
        int step = 0;
        foreach (var entry in OracleVectors.ForSeed(seed).GetProperty("mixed").EnumerateArray())
        {
            var op = entry.GetProperty("op");
            string kind = op[0].GetString()!;
            var expected = entry.GetProperty("values");
            string what = $"step {step} {kind}";
            switch (kind)
            {
                case "random":
                {
                    var v = new double[op[1].GetInt32()];
                    for (int i = 0; i < v.Length; i++) v[i] = rng.Random();
                    BitAssert.Equal(OracleVectors.Bits(expected), v, what);
                    break;
                }
                case "uniform":
                {
                    var v = new double[op[3].GetInt32()];
                    rng.Uniform(op[1].GetDouble(), op[2].GetDouble(), v);
                    BitAssert.Equal(OracleVectors.Bits(expected), v, what);
                    break;
                }
                case "normal":
                {
                    var v = new double[op[3].GetInt32()];
                    rng.Normal(op[1].GetDouble(), op[2].GetDouble(), v);
                    BitAssert.Equal(OracleVectors.Bits(expected), v, what);
                    break;
                }
                case "standard_normal":
                {
                    var v = new double[op[1].GetInt32()];
                    rng.StandardNormal(v);
                    BitAssert.Equal(OracleVectors.Bits(expected), v, what);
                    break;
                }
                case "permutation":
                    Assert.Equal(OracleVectors.Ints(expected), rng.Permutation(op[1].GetInt32()));
                    break;
                case "uint32":
                    Assert.Equal(expected.EnumerateArray().Select(e => e.GetUInt32()), Enumerable.Range(0, op[1].GetInt32()).Select(_ => rng.NextUInt32()).ToArray());
                    break;
                case "uint64":
                    Assert.Equal(OracleVectors.UInt64s(expected), Enumerable.Range(0, op[1].GetInt32()).Select(_ => rng.NextUInt64()).ToArray());
                    break;
                default:
                    Assert.Fail($"unknown op {kind}");
                    break;
            }
            Assert.True(entry.GetProperty("has_uint32").GetInt32() == 1 == rng.BitGenerator.HasBufferedUInt32, $"{what}: 32-bit buffer state differs");
            step++;
        }
    }

    [Fact]
    public void MixedOracle_AllSeeds_CoverBufferedHalfSurvivingSixtyFourBitDraws()
    {
        // Some seed must leave a buffered half, then draw 64 bits, then draw 32 bits again.
        string[] wide = ["random", "uniform", "normal", "standard_normal", "uint64"];
        bool covered = OracleVectors.Seeds.Any(s =>
        {
            var steps = s.GetProperty("mixed").EnumerateArray().ToArray();
            for (int i = 0; i + 2 < steps.Length; i++)
            {
                bool buffered = steps[i].GetProperty("has_uint32").GetInt32() == 1;
                bool thenWide = wide.Contains(steps[i + 1].GetProperty("op")[0].GetString());
                string third = steps[i + 2].GetProperty("op")[0].GetString()!;
                bool thenNarrow = third == "uint32" || (third == "permutation" && steps[i + 2].GetProperty("op")[1].GetInt32() > 1);
                if (buffered && thenWide && thenNarrow) return true;
            }
            return false;
        });
        Assert.True(covered);
    }

    private static void AssertHeadAndDigest(JsonElement expected, double[] values, string what)
    {
        var head = OracleVectors.Bits(expected.GetProperty("head"));
        Assert.Equal(expected.GetProperty("count").GetInt32(), values.Length);
        BitAssert.Equal(head, values.AsSpan(0, head.Length), what);
        // The file keeps the first draws in full and all draws as a SHA-256 of their bytes.
        Assert.Equal(expected.GetProperty("sha256").GetString(), BitAssert.Sha256(values));
    }
}
