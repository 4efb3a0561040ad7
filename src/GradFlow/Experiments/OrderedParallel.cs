using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace GradFlow.Experiments;

/// <summary>
/// A parallel loop over independent items whose results go into their own slots (so the output is the
/// same whatever the thread count), and whose failure is reported as itself: however many items fail
/// at once, the earliest in item order is rethrown unwrapped, never an AggregateException.
/// </summary>
public static class OrderedParallel
{
    /// <summary>Calls <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/> on at most <paramref name="threads"/> threads (0: one per core); a cancelled token stops it before the next item (OperationCanceledException).</summary>
    public static void For(int count, int threads, CancellationToken cancellation, Action<int> body, string interrupted = "the loop was interrupted")
    {
        ArgumentNullException.ThrowIfNull(body);
        var failures = new ConcurrentDictionary<int, ExceptionDispatchInfo>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount, CancellationToken = cancellation };
        try
        {
            Parallel.For(0, count, options, (i, loop) =>
            {
                try { body(i); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures[i] = ExceptionDispatchInfo.Capture(e);
                    loop.Stop();
                }
            });
        }
        catch (Exception) when (!failures.IsEmpty)
        {
            // Reported below: an item's own failure outranks the cancellations it caused.
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // Items that stopped on the token themselves: one cancellation, said as what was interrupted.
            throw new OperationCanceledException(interrupted, e, cancellation);
        }
        if (!failures.IsEmpty) failures[failures.Keys.Min()].Throw();
    }
}
