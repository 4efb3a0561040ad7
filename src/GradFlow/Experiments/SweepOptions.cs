namespace GradFlow.Experiments;

/// <summary>How a sweep executes; none of it changes a byte of the result files.</summary>
/// <param name="Threads">Runs in parallel at most; 0 means one per core.</param>
/// <param name="Progress">Told after every run, finished now or found complete on disk.</param>
/// <param name="Notice">Told, in one line, about each run file found on disk but not proven complete (<see cref="RunProof"/>), which is run again.</param>
/// <param name="RetainedRunBytes">The run logs kept in memory at most (<see cref="RunSet"/>); the rest are read back from their files. Null: <see cref="RunSet.DefaultRetainedBytes"/>.</param>
/// <param name="AvailableMemory">The memory the sweep's size is checked against; null: what the machine makes available.</param>
public sealed record SweepOptions(int Threads = 0, Shard? Shard = null, IProgress<SweepProgress>? Progress = null, CancellationToken Cancellation = default,
    long? AvailableMemory = null, Action<string>? Notice = null, long? RetainedRunBytes = null)
{
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
    public long EffectiveRetainedRunBytes => RetainedRunBytes ?? RunSet.DefaultRetainedBytes;
    public Shard EffectiveShard => Shard ?? Experiments.Shard.Whole;
}
