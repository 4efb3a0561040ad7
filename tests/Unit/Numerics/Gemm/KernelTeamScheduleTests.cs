using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics.Gemm;

/// <summary>
/// Who runs which part of a team call: the count clamped to the team, a busy team's call run whole by its
/// own caller, the team free again for another thread, the helpers named, and no work kept after a call.
/// </summary>
public sealed class KernelTeamScheduleTests
{
    private sealed class Recorder : IPartitionedWork
    {
        public ConcurrentDictionary<int, (int Parts, int Thread, string? Name)> Calls { get; } = new();
        public void Run(int part, int parts) => Calls[part] = (parts, Environment.CurrentManagedThreadId, Thread.CurrentThread.Name);
    }

    // Part 0 (the caller's) holds the team until released; the other parts record themselves.
    private sealed class Holding : IPartitionedWork
    {
        public ManualResetEventSlim Entered { get; } = new();
        public ManualResetEventSlim Release { get; } = new();
        public void Run(int part, int parts)
        {
            if (part != 0) return;
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
        }
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    public void Run_PartCountOutsideTheTeam_IsClampedToOneToSize(int asked, int expected)
    {
        var team = new KernelTeam(2);
        var work = new Recorder();
        team.Run(work, asked);
        Assert.Equal(Enumerable.Range(0, expected), work.Calls.Keys.Order());
        Assert.All(work.Calls.Values, call => Assert.Equal(expected, call.Parts));
    }

    [Fact]
    public void Run_OnePart_RunsOnTheCaller()
    {
        var team = new KernelTeam(3);
        var work = new Recorder();
        team.Run(work, 1);
        Assert.Equal((1, Environment.CurrentManagedThreadId), (work.Calls[0].Parts, work.Calls[0].Thread));
        Assert.Single(work.Calls);
    }

    [Fact]
    public void Run_HelpersParts_RunOnThreadsNamedAfterTheirPart()
    {
        var team = new KernelTeam(3);
        var work = new Recorder();
        team.Run(work, 3);
        Assert.Equal("GradFlow kernel 1", work.Calls[1].Name);
        Assert.Equal("GradFlow kernel 2", work.Calls[2].Name);
    }

    [Fact]
    public void Run_WhileAnotherCallerHoldsTheTeam_RunsEveryPartOnItsOwnThreadInOrder()
    {
        var team = new KernelTeam(2);
        var holding = new Holding();
        var first = new Thread(() => team.Run(holding, 2));
        first.Start();
        Assert.True(holding.Entered.Wait(TimeSpan.FromSeconds(30)));

        var work = new Recorder();
        int caller = -1;
        var second = new Thread(() =>
        {
            caller = Environment.CurrentManagedThreadId;
            team.Run(work, 2);
        });
        second.Start();
        Assert.True(second.Join(TimeSpan.FromSeconds(30)));
        holding.Release.Set();
        Assert.True(first.Join(TimeSpan.FromSeconds(30)));

        Assert.Equal([0, 1], work.Calls.Keys.Order());
        Assert.All(work.Calls.Values, call => Assert.Equal((2, caller), (call.Parts, call.Thread)));
    }

    [Fact]
    public void Run_AfterACallFromAnotherThread_TheTeamServesTheNextCaller()
    {
        var team = new KernelTeam(2);
        var before = new Thread(() => team.Run(new Recorder(), 2));
        before.Start();
        Assert.True(before.Join(TimeSpan.FromSeconds(30)));

        // The first call let the team go, so this one gets the helper rather than running both parts itself.
        var work = new Recorder();
        team.Run(work, 2);
        Assert.NotEqual(work.Calls[0].Thread, work.Calls[1].Thread);
    }

    [Fact]
    public void Run_HelpersBlockedBetweenCalls_AreWokenForTheNext()
    {
        var team = new KernelTeam(2);
        for (int call = 0; call < 3; call++)
        {
            // Long enough for the helper to stop spinning and block.
            Thread.Sleep(50);
            var work = new Recorder();
            team.Run(work, 2);
            Assert.Equal([0, 1], work.Calls.Keys.Order());
        }
    }

    [Fact]
    public void Run_Returned_KeepsNoReferenceToTheWork()
    {
        var team = new KernelTeam(2);
        Unreferenced.AfterTheCall(() => [RunOnce(team)]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RunOnce(KernelTeam team)
    {
        var work = new Recorder();
        team.Run(work, 2);
        return new WeakReference(work);
    }

    private sealed class HelperFails : IPartitionedWork
    {
        public void Run(int part, int parts)
        {
            if (part == 1) throw new InvalidOperationException("helper");
        }
    }

    [Fact]
    public void Run_AHelpersPartThrows_SaysAKernelPartFailed()
    {
        var ex = Assert.Throws<AggregateException>(() => new KernelTeam(2).Run(new HelperFails(), 2));
        Assert.StartsWith("a kernel part failed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_FewerThanOneThread_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelTeam.Shared(0));
}
