using System.Collections.Concurrent;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics.Gemm;

public sealed class KernelTeamTests
{
    private sealed class Recorder : IPartitionedWork
    {
        public ConcurrentDictionary<int, int> ThreadOfPart { get; } = new();
        public void Run(int part, int parts) => ThreadOfPart[part] = Environment.CurrentManagedThreadId;
    }

    private sealed class Failing(int failingPart) : IPartitionedWork
    {
        public int Finished;

        public void Run(int part, int parts)
        {
            if (part == failingPart) throw new InvalidOperationException($"part {part} fails");
            Thread.Sleep(20);
            Interlocked.Increment(ref Finished);
        }
    }

    [Fact]
    public void Shared_AnotherSizeAskedForBetween_GivesBackTheFirstTeam()
    {
        var two = KernelTeam.Shared(2);
        var three = KernelTeam.Shared(3);

        // Before, asking for 3 replaced the team of 2, whose helper stayed blocked for good while a new one was started.
        Assert.Same(two, KernelTeam.Shared(2));
        Assert.Same(three, KernelTeam.Shared(3));
        Assert.Equal((2, 3), (two.Size, three.Size));
    }

    [Fact]
    public void Run_TwoParts_RunsEachOnceOnTwoThreadsAndTheCallerTakesPartZero()
    {
        var team = new KernelTeam(2);
        for (int call = 0; call < 50; call++)
        {
            var work = new Recorder();
            team.Run(work, 2);
            Assert.Equal([0, 1], work.ThreadOfPart.Keys.Order());
            Assert.Equal(Environment.CurrentManagedThreadId, work.ThreadOfPart[0]);
            Assert.NotEqual(work.ThreadOfPart[0], work.ThreadOfPart[1]);
        }
    }

    [Fact]
    public void Run_AHelpersPartThrows_TheCallerSeesItAndTheTeamStillWorks()
    {
        var team = new KernelTeam(2);
        var ex = Assert.Throws<AggregateException>(() => team.Run(new Failing(1), 2));
        Assert.Contains("part 1 fails", ex.InnerException!.Message, StringComparison.Ordinal);
        var work = new Recorder();
        team.Run(work, 2);
        Assert.Equal(2, work.ThreadOfPart.Count);
    }

    [Fact]
    public void Run_TheCallersPartThrows_ItPropagatesOnlyAfterTheHelpersPartsFinished()
    {
        var team = new KernelTeam(3);
        var work = new Failing(0);
        var ex = Assert.Throws<InvalidOperationException>(() => team.Run(work, 3));
        Assert.Equal("part 0 fails", ex.Message);
        Assert.Equal(2, Volatile.Read(ref work.Finished));
    }

    [Fact]
    public void Run_FewerPartsThanTheTeam_RunsJustThoseParts()
    {
        var team = new KernelTeam(3);
        var work = new Recorder();
        team.Run(work, 2);
        Assert.Equal([0, 1], work.ThreadOfPart.Keys.Order());
    }
}
