namespace GradFlow.Numerics;

/// <summary>
/// Threads that share one kernel call: the caller runs part 0 and each helper one more part, with no
/// allocation per call (the helpers are started once and wait on their own semaphore). Every part writes
/// disjoint outputs and no sum is ever split, so a result is the same bits for any team size; when another
/// caller holds the team, a call runs every part itself, in order, rather than wait.
/// </summary>
public sealed class KernelTeam
{
    private static readonly object SharedGate = new();
    private static KernelTeam? _shared;

    private readonly SemaphoreSlim[] _start;
    private readonly CountdownEvent _done;
    private readonly object _gate = new();
    private IPartitionedWork? _work;
    private int _parts;
    private Exception? _failure;

    internal KernelTeam(int size)
    {
        Size = size;
        _start = new SemaphoreSlim[size - 1];
        _done = new CountdownEvent(1);
        for (int t = 0; t < size - 1; t++)
        {
            _start[t] = new SemaphoreSlim(0);
            int part = t + 1;
            new Thread(() => Serve(part)) { IsBackground = true, Name = $"GradFlow kernel {part}" }.Start();
        }
    }

    /// <summary>How many threads (the caller included) share a call.</summary>
    public int Size { get; }

    /// <summary>The process's team of <paramref name="threads"/>, made once per size and kept (its helpers are background threads).</summary>
    public static KernelTeam Shared(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        lock (SharedGate)
        {
            if (_shared is null || _shared.Size != threads) _shared = new KernelTeam(threads);
            return _shared;
        }
    }

    /// <summary>Runs parts 0 … <paramref name="parts"/> − 1 of <paramref name="work"/> (at most <see cref="Size"/>) and returns when all are done.</summary>
    public void Run(IPartitionedWork work, int parts)
    {
        parts = Math.Clamp(parts, 1, Size);
        if (parts == 1 || !Monitor.TryEnter(_gate))
        {
            for (int p = 0; p < parts; p++) work.Run(p, parts);
            return;
        }
        try
        {
            _work = work;
            _parts = parts;
            _failure = null;
            _done.Reset(parts - 1);
            for (int t = 0; t < parts - 1; t++) _start[t].Release();
            work.Run(0, parts);
            _done.Wait();
            _work = null;
            if (_failure is not null) throw new AggregateException("a kernel part failed", _failure);
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void Serve(int part)
    {
        while (true)
        {
            _start[part - 1].Wait();
            try
            {
                _work!.Run(part, _parts);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            finally
            {
                _done.Signal();
            }
        }
    }
}
