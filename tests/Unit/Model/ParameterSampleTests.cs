using System.Numerics;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

public sealed class ParameterSampleTests
{
    // NumPy 1.24: default_rng(123456789012345678901234567890).permutation(10) = [6, 3, 8, 9, 2, 1, 7, 4, 0, 5]
    // (tests/Unit/Random/oracle/big_seeds.json, "permutation_10").
    private static readonly BigInteger Seed = BigInteger.Parse("123456789012345678901234567890");

    [Fact]
    public void Indices_FourOfTen_AreNumPysFirstFourAscending()
    {
        Assert.Equal([3, 6, 8, 9], ParameterSample.Indices(10, 4, Seed));
        Assert.Equal([6], ParameterSample.Indices(10, 1, Seed));
        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 9], ParameterSample.Indices(10, 8, Seed));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(5, 12)]
    [InlineData(0, 3)]
    public void Indices_CountAtLeastTotal_IsEveryIndexInOrder(int total, int count)
    {
        Assert.Equal(Enumerable.Range(0, total).ToArray(), ParameterSample.Indices(total, count, Seed));
    }

    [Fact]
    public void Indices_NoneWanted_IsEmpty()
    {
        Assert.Empty(ParameterSample.Indices(10, 0, Seed));
    }

    [Fact]
    public void Indices_NegativeCount_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSample.Indices(10, -1, Seed));
        Assert.Equal("count", e.ParamName);
    }
}
