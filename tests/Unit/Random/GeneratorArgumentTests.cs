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
    public void Normal_NegativeScale_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Generator.DefaultRng(0).Normal(0, -1e-300, new double[1]));

    [Fact]
    public void Uniform_InfiniteRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Generator.DefaultRng(0).Uniform(-double.MaxValue, double.MaxValue, new double[1]));

    [Fact]
    public void DefaultRng_Seed0_GivesNumPyFirstRandom()
    {
        // np.random.default_rng(0).random()
        Assert.Equal(0.6369616873214543, Generator.DefaultRng(0).Random());
    }
}
