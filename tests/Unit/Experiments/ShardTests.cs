using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class ShardTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("1/4", 1, 4)]
    [InlineData("3/3", 3, 3)]
    [InlineData("12/100", 12, 100)]
    public void Parse_IOverN_GivesThatShard(string text, int index, int count)
    {
        var shard = Shard.Parse(text);

        Assert.Equal(index, shard.Index);
        Assert.Equal(count, shard.Count);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("0/0")]
    [InlineData("-1/3")]
    [InlineData("+1/3")]
    [InlineData("1/+3")]
    [InlineData(" 1/3")]
    [InlineData("1/3 ")]
    [InlineData("1/2/3")]
    [InlineData("13")]
    [InlineData("a/3")]
    [InlineData("1/b")]
    [InlineData("")]
    public void Parse_NotIOverNWithIInRange_ThrowsQuotingTheText(string text)
    {
        var e = Assert.Throws<SpecException>(() => Shard.Parse(text));

        Assert.Equal($"shard: '{text}' is not i/n with 1 <= i <= n, e.g. 1/4", e.Message);
    }

    [Fact]
    public void Owns_ThreeShardsOfTenRuns_EachTakesEveryThirdRunFromItsOwnOffset()
    {
        // Run r belongs to shard (r mod 3) + 1, listed by hand.
        int[][] expected = [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]];

        for (int i = 1; i <= 3; i++)
        {
            var shard = new Shard(i, 3);
            Assert.Equal(expected[i - 1], Enumerable.Range(0, 10).Where(shard.Owns));
        }
    }

    [Fact]
    public void Owns_WholeShard_OwnsEveryRun()
    {
        Assert.All(Enumerable.Range(0, 7), r => Assert.True(Shard.Whole.Owns(r)));
    }

    [Fact]
    public void Whole_IsOneOfOne()
    {
        Assert.Equal(new Shard(1, 1), Shard.Whole);
        Assert.True(Shard.Whole.IsWhole);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(1, 5)]
    public void IsWhole_MoreThanOneShard_IsFalse(int index, int count) => Assert.False(new Shard(index, count).IsWhole);

    [Fact]
    public void ToString_Shard_IsIOverN() => Assert.Equal("2/7", new Shard(2, 7).ToString());
}
