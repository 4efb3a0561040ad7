using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class SweepOptionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void EffectiveThreads_Positive_IsTheCountGiven(int threads) => Assert.Equal(threads, new SweepOptions(Threads: threads).EffectiveThreads);

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void EffectiveThreads_ZeroOrLess_IsOnePerCore(int threads) => Assert.Equal(Environment.ProcessorCount, new SweepOptions(Threads: threads).EffectiveThreads);

    [Fact]
    public void EffectiveRetainedRunBytes_Unset_Is128MiB() => Assert.Equal(128L * 1024 * 1024, new SweepOptions().EffectiveRetainedRunBytes);

    [Theory]
    [InlineData(0L)]
    [InlineData(12345L)]
    public void EffectiveRetainedRunBytes_Set_IsTheBudgetGiven(long bytes) => Assert.Equal(bytes, new SweepOptions(RetainedRunBytes: bytes).EffectiveRetainedRunBytes);

    [Fact]
    public void EffectiveShard_Unset_IsTheWholeSweep() => Assert.True(new SweepOptions().EffectiveShard.IsWhole);

    [Fact]
    public void EffectiveShard_Set_IsTheShardGiven()
    {
        var shard = Shard.Parse("2/3");

        Assert.Same(shard, new SweepOptions(Shard: shard).EffectiveShard);
    }
}
