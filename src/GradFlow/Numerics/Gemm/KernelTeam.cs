namespace GradFlow.Numerics;

/// <summary>
/// Threads that share one kernel call: the caller runs part 0 and each helper one more part, with no
/// allocation per call (the helpers are started once). Every part writes disjoint outputs and no sum is
/// ever split, so a result is the same bits for any team size; when another caller holds the team, a call
/// runs every part itself, in order, rather than wait.
/// <para>
/// A deep network makes many calls of a few hundred microseconds each, so a helper spins for a while
/// after each call (a wake-up from a blocked wait costs tens of microseconds) and only then blocks.
/// </para>
/// </summary>
public sealed class KernelTeam
{
    private static readonly object SharedGate = new();
    // One team per size asked for, kept: a size asked for again gets its team back, so no team's helpers are left blocked with nothing to serve.
    private static readonly Dictionary<int, KernelTeam> SharedTeams = [];

    // Spin iterations (each Thread.SpinWait(SpinUnit)) a helper or the caller waits before blocking: about 100 µs.
    private const int SpinLimit = 2000;
    private const int SpinUnit = 20;

    private readonly object _gate = new();
    private readonly object _wake = new();
    private readonly object _finished = new();
    private IPartitionedWork? _work;
    private int _parts;
    private int _generation;
    private int _remaining;
    private Exception? _failure;

    internal KernelTeam(int size)
    {
        Size = size;
        for (int t = 1; t < size; t++)
        {
            int part = t;
            // Stryker disable once Boolean : only whether the helpers keep the process alive at exit; no result of any call changes (docs/mutation-survivors.md)
            new Thread(() => Serve(part)) { IsBackground = true, Name = $"GradFlow kernel {part}" }.Start();
        }
    }

    /// <summary>How many threads (the caller included) share a call.</summary>
    public int Size { get; }

    /// <summary>The process's team of <paramref name="threads"/>, made once per size and kept (its helpers are background threads): every call for that size gets the same team.</summary>
    public static KernelTeam Shared(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        lock (SharedGate)
        {
            if (!SharedTeams.TryGetValue(threads, out var team)) SharedTeams[threads] = team = new KernelTeam(threads);
            return team;
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
            Volatile.Write(ref _remaining, Size - 1);
            // A helper waiting in Monitor.Wait checks the generation under _wake, so this pulse cannot be missed.
            lock (_wake)
            {
                Interlocked.Increment(ref _generation);
                Monitor.PulseAll(_wake);
            }
            // The caller's own part may throw; the helpers' parts still finish before the team is let go.
            Exception? own = null;
            try
            {
                work.Run(0, parts);
            }
            catch (Exception e)
            {
                own = e;
            }
            // Stryker disable once all : the spin only shortens the wait; the blocking wait below holds the caller until every part reported
            for (int spin = 0; Volatile.Read(ref _remaining) > 0 && spin < SpinLimit; spin++) Thread.SpinWait(SpinUnit);
            lock (_finished)
                while (Volatile.Read(ref _remaining) > 0) Monitor.Wait(_finished);
            _work = null;
            if (own is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(own);
            if (_failure is not null) throw new AggregateException("a kernel part failed", _failure);
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void Serve(int part)
    {
        int seen = 0;
        while (true)
        {
            // Stryker disable once all : the spin only shortens the wake-up; the blocking wait below holds the helper until a new generation
            for (int spin = 0; Volatile.Read(ref _generation) == seen && spin < SpinLimit; spin++) Thread.SpinWait(SpinUnit);
            lock (_wake)
                while (Volatile.Read(ref _generation) == seen) Monitor.Wait(_wake);
            seen = Volatile.Read(ref _generation);
            RunPart(part);
        }
    }

    // Its own method because coverlet's instrumentation of a try block inside Serve's endless loop is invalid IL (InvalidProgramException).
    private void RunPart(int part)
    {
        try
        {
            // Helpers beyond this call's parts have nothing to do but report.
            if (part < _parts) _work!.Run(part, _parts);
        }
        catch (Exception e)
        {
            _failure = e;
        }
        finally
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
                lock (_finished) Monitor.PulseAll(_finished);
        }
    }
}
