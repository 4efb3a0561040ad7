using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class OrderedParallelTests
{
    private readonly object _gate = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(0)]
    public void For_AnyThreadCount_CallsTheBodyOnceForEveryIndex(int threads)
    {
        var calls = new int[50];

        OrderedParallel.For(50, threads, CancellationToken.None, i => Interlocked.Increment(ref calls[i]));

        Assert.All(calls, c => Assert.Equal(1, c));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void For_NoBody_ThrowsBeforeAnyItem(int count)
    {
        var e = Assert.Throws<ArgumentNullException>(() => OrderedParallel.For(count, 1, CancellationToken.None, null!));

        Assert.Equal("body", e.ParamName);
    }

    [Fact]
    public void For_NoItems_NeverCallsTheBody()
    {
        OrderedParallel.For(0, 2, CancellationToken.None, _ => throw new InvalidOperationException("called"));
    }

    [Fact]
    public void For_OneThread_NeverRunsTwoItemsAtOnce()
    {
        int running = 0, most = 0;

        OrderedParallel.For(40, 1, CancellationToken.None, _ =>
        {
            int now = Interlocked.Increment(ref running);
            lock (_gate) most = Math.Max(most, now);
            Thread.Sleep(3);
            Interlocked.Decrement(ref running);
        });

        Assert.Equal(1, most);
    }

    [Fact]
    public void For_OneItemFails_RethrowsThatExceptionItselfNotAnAggregate()
    {
        var thrown = new InvalidOperationException("item 4 failed");

        var e = Assert.Throws<InvalidOperationException>(() =>
            OrderedParallel.For(10, 2, CancellationToken.None, i => { if (i == 4) throw thrown; }));

        Assert.Same(thrown, e);
    }

    [Fact]
    public void For_TwoItemsFailTogether_RethrowsTheEarlierInItemOrder()
    {
        var failures = new[] { new InvalidOperationException("item 0"), new InvalidOperationException("item 1") };
        using var bothStarted = new Barrier(2);

        for (int attempt = 0; attempt < 3; attempt++)
        {
            var e = Assert.Throws<InvalidOperationException>(() => OrderedParallel.For(2, 2, CancellationToken.None, i =>
            {
                // Both items are inside the body before either fails, so both failures are recorded.
                Assert.True(bothStarted.SignalAndWait(TimeSpan.FromSeconds(10)), "the two items did not run at once");
                if (i == 1) throw failures[1];
                Thread.Sleep(20);
                throw failures[0];
            }));

            Assert.Same(failures[0], e);
        }
    }

    [Fact]
    public void For_AnItemFails_StopsStartingFurtherItems()
    {
        int started = 0;

        Assert.Throws<InvalidOperationException>(() => OrderedParallel.For(100_000, 1, CancellationToken.None, i =>
        {
            Interlocked.Increment(ref started);
            if (i == 0) throw new InvalidOperationException("first");
        }));

        Assert.InRange(started, 1, 99_999);
    }

    [Fact]
    public void For_ItemFailsAndCancelsTheToken_ReportsTheItemsFailureNotTheCancellation()
    {
        using var cancel = new CancellationTokenSource();
        var thrown = new IOException("disk full");

        var e = Assert.Throws<IOException>(() => OrderedParallel.For(1000, 1, cancel.Token, i =>
        {
            if (i != 3) return;
            cancel.Cancel();
            throw thrown;
        }));

        Assert.Same(thrown, e);
    }

    [Fact]
    public void For_TokenCancelledByAnItem_StopsBeforeTheNextItem()
    {
        using var cancel = new CancellationTokenSource();
        int started = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => OrderedParallel.For(100_000, 1, cancel.Token, i =>
        {
            Interlocked.Increment(ref started);
            if (i == 2) cancel.Cancel();
        }));

        Assert.InRange(started, 3, 99_999);
    }

    [Fact]
    public void For_TokenCancelledBeforehand_RunsNoItem()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        int started = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => OrderedParallel.For(10, 2, cancel.Token, _ => Interlocked.Increment(ref started)));

        Assert.Equal(0, started);
    }

    [Fact]
    public void For_ItemThrowsOperationCanceled_ThrowsOneCancellationSayingWhatWasInterrupted()
    {
        using var cancel = new CancellationTokenSource();

        var e = Assert.Throws<OperationCanceledException>(() => OrderedParallel.For(4, 1, cancel.Token,
            i => { if (i == 1) throw new OperationCanceledException("stopped inside"); }, "the sweep was interrupted"));

        Assert.Equal("the sweep was interrupted", e.Message);
        var inner = Assert.IsType<AggregateException>(e.InnerException);
        Assert.All(inner.InnerExceptions, x => Assert.IsType<OperationCanceledException>(x));
        Assert.Equal(cancel.Token, e.CancellationToken);
    }

    [Fact]
    public void For_ItemThrowsOperationCanceledWithNoMessageGiven_SaysTheLoopWasInterrupted()
    {
        var e = Assert.Throws<OperationCanceledException>(() => OrderedParallel.For(1, 1, CancellationToken.None,
            _ => throw new OperationCanceledException("stopped inside")));

        Assert.Equal("the loop was interrupted", e.Message);
    }
}
