using GradFlow.Random;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

public sealed class GeneratorArgumentTests
{
    [Fact]
    public void Permutation_NegativeN_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Generator.DefaultRng(0).Permutation(-1));

    [Fact]
    public void Permutation_Zero_ReturnsEmptyWithoutDrawing()
    {
        var rng = Generator.DefaultRng(5);
        Assert.Empty(rng.Permutation(0));
        Assert.Equal(Generator.DefaultRng(5).NextUInt64(), rng.NextUInt64());
    }

    [Fact]
    public void Normal_NegativeScale_ThrowsNamingWhatIsAccepted()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Generator.DefaultRng(0).Normal(0, -1e-300, new double[1]));
        Assert.Equal("scale", e.ParamName);
        Assert.Contains("non-negative", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uniform_InfiniteRange_ThrowsNamingWhatIsAccepted()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Generator.DefaultRng(0).Uniform(-double.MaxValue, double.MaxValue, new double[1]));
        Assert.Equal("high", e.ParamName);
        Assert.Contains("high - low must be finite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pcg64_NullSeedSequence_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => new Pcg64((SeedSequence)null!));

    // n above 2^16: NumPy's rejection mask then takes every one of its five shift steps.
    [Fact]
    public void Permutation_LongerThan65536_IsNumPysPermutation()
    {
        var oracle = OracleVectors.Branches.GetProperty("permutation");
        int n = oracle.GetProperty("n").GetInt32();

        int[] permutation = Generator.DefaultRng(oracle.GetProperty("seed").GetInt32()).Permutation(n);

        Assert.Equal(oracle.GetProperty("head").EnumerateArray().Select(e => e.GetInt32()), permutation.Take(16));
        byte[] bytes = new byte[n * sizeof(int)];
        for (int i = 0; i < n; i++) System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 * i), permutation[i]);
        Assert.Equal(oracle.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    public void DefaultRng_Seed0_GivesNumPyFirstRandom()
    {
        // np.random.default_rng(0).random()
        Assert.Equal(0.6369616873214543, Generator.DefaultRng(0).Random());
    }
}
