using System.Collections.Concurrent;
using System.Diagnostics;
using GradFlow.Metrics;
using GradFlow.IO;

namespace GradFlow.Experiments;

/// <summary>
/// Runs an ablation into a results folder: each run in parallel, each run file written atomically as
/// it finishes, runs already on disk skipped (so an interrupted sweep resumes), then the summaries,
/// final table and statistics. The files are the same bytes whatever the thread count or sharding.
/// </summary>
public static class SweepRunner
{
    public static SweepOutcome Run(AblationSpec spec, string outDirectory, SweepOptions? options = null)
    {
        options ??= new SweepOptions();
        spec.Validate();
        var shard = options.EffectiveShard;
        int owned = Enumerable.Range(0, spec.Runs().Count).Count(shard.Owns);
        if (spec.MemoryProblem(options.EffectiveThreads, owned, options.AvailableMemory ?? Numerics.MemoryBudget.AvailableBytes, options.EffectiveRetainedRunBytes) is { } tooBig)
            throw new SpecException(tooBig);
        var store = new ResultStore(outDirectory);
        RefuseFile(store);
        // One owner per folder, for the whole sweep: a second sweep into it is refused at once.
        using var owner = FolderLock.Acquire(store.Root);
        var existing = CheckFolder(store, spec, shard);
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var all = spec.Runs();
        var mine = all.Where((_, i) => shard.Owns(i)).ToArray();
        store.WriteManifest(new Manifest
        {
            Spec = spec, Shard = shard.ToString(), Runs = mine.Length,
            StartedUtc = existing?.StartedUtc ?? started,
        });

        // Each finished run leaves its digest; its log stays in memory only within the budget (RunSet), and a
        // log not kept records the next run, so past the budget a sweep allocates no log per run.
        var results = new RunSet(store, mine, spec.AccuracyMetric, options.EffectiveRetainedRunBytes);
        var spareLogs = new ConcurrentBag<RunLog>();
        int done = 0, resumed = 0;
        // Fewer runs than threads: the spare threads split each run's layers (the same bits for any count).
        // Stryker disable once Arithmetic,Linq : only how many threads split one run's layers (at least 1), and the kernels give the same bits for any count (docs/mutation-survivors.md)
        int kernelThreads = Math.Max(1, options.EffectiveThreads / Math.Max(1, mine.Length));
        // However many runs fail at once, the earliest in run order is reported, as itself; on Ctrl+C the
        // runs in progress stop at their next epoch and the finished ones are on disk.
        // A cancel reaches the caller as Parallel.For's own OperationCanceledException (every run stops on the loop's token).
        OrderedParallel.For(mine.Length, options.EffectiveThreads, options.Cancellation, Execute);

        void Execute(int i)
        {
            var key = mine[i];
            RunResult? run = null;
            spareLogs.TryTake(out var spare);
            if (store.HasRun(key))
            {
                (run, string? why) = RunProof.Read(store, spec, key, spare);
                if (run is null) options.Notice?.Invoke($"{store.RunPath(key)} is not proven complete: {why}; running it again");
            }
            bool onDisk = run is not null;
            if (run is null)
            {
                run = RunExecutor.Execute(spec, key, options.Cancellation, kernelThreads, spare);
                store.WriteRun(run);
                RunProof.Record(store, key);
            }
            // Stryker disable once Statement : memory only: a log not kept is dropped instead of reused, and a run records the same bits into a new log (docs/mutation-survivors.md)
            if (!results.Add(i, run)) spareLogs.Add(run.Log);
            // Stryker disable once Equality,Statement : memory only: the spare not recorded into is dropped, or a null is added, which the bag's reader takes as no spare (docs/mutation-survivors.md)
            else if (spare is not null && !ReferenceEquals(spare, run.Log)) spareLogs.Add(spare);
            if (onDisk) Interlocked.Increment(ref resumed);
            options.Progress?.Report(new SweepProgress(key, Interlocked.Increment(ref done), mine.Length, onDisk));
        }

        // Stryker disable once Statement : a cancel here stops the aggregates' OrderedParallel.For on the same token before it writes anything (docs/mutation-survivors.md)
        options.Cancellation.ThrowIfCancellationRequested();
        var (summaries, statistics) = shard.IsWhole ? WriteAggregates(spec, store, results, options.EffectiveThreads, options.Cancellation) : ([], null);
        // Stryker disable once Statement : only the manifest's ElapsedSeconds, read a moment later from a running clock (docs/mutation-survivors.md)
        clock.Stop();
        store.WriteManifest(new Manifest
        {
            Spec = spec, Shard = shard.ToString(), Runs = mine.Length,
            StartedUtc = existing?.StartedUtc ?? started, FinishedUtc = DateTime.UtcNow, ElapsedSeconds = clock.Elapsed.TotalSeconds,
        });
        return new SweepOutcome(spec, store, results, summaries, statistics, resumed, clock.Elapsed);
    }

    /// <summary>
    /// Aggregates shard folders of one spec into <paramref name="outDirectory"/>: the same files a
    /// single-machine run writes.
    /// </summary>
    public static SweepOutcome Merge(string outDirectory, IReadOnlyList<string> shardDirectories)
    {
        if (shardDirectories.Count == 0) throw new SpecException("merge: name at least one shard folder");
        var clock = Stopwatch.StartNew();
        var sources = new List<ResultStore>();
        AblationSpec? spec = null;
        foreach (var dir in shardDirectories)
        {
            var store = new ResultStore(dir);
            var manifest = ReadManifestOrThrow(store);
            if (spec is null) spec = manifest.Spec;
            else
            {
                var diff = ResultStore.Differences(spec, manifest.Spec);
                if (diff.Count > 0) throw new SpecException($"merge: {dir} holds a different spec ({string.Join(", ", SpecOptions.For(diff))} differ) from {shardDirectories[0]}");
            }
            sources.Add(store);
        }
        spec!.Validate();
        var target = new ResultStore(outDirectory);
        RefuseFile(target);
        using var owner = FolderLock.Acquire(target.Root);
        CheckFolder(target, spec, Shard.Whole);
        var runs = spec.Runs();
        var sourceOf = new ResultStore[runs.Count];
        for (int i = 0; i < runs.Count; i++)
            sourceOf[i] = sources.FirstOrDefault(s => s.HasRun(runs[i]))
                ?? throw new SpecException($"merge: run {runs[i]} is in none of the shard folders; run its shard first");
        var started = DateTime.UtcNow;
        // One run at a time: read and proven from its shard, copied unless the target holds it proven, then only its digest kept (RunSet).
        var results = new RunSet(target, runs, spec.AccuracyMetric);
        RunLog? spare = null, check = null;
        for (int i = 0; i < runs.Count; i++)
        {
            var (run, why) = RunProof.Read(sourceOf[i], spec, runs[i], spare);
            if (run is null) throw new SpecException($"merge: {sourceOf[i].RunPath(runs[i])} is not proven complete: {why}; run its shard again with the same command");
            spare = null;
            if (!target.HasRun(run.Key) || (check = RunProof.Read(target, spec, run.Key, check).Run?.Log) is null)
            {
                target.WriteRun(run);
                RunProof.Record(target, run.Key);
            }
            // A log not kept reads the next run.
            if (!results.Add(i, run)) spare = run.Log;
        }
        var (summaries, statistics) = WriteAggregates(spec, target, results, 0, CancellationToken.None);
        target.WriteManifest(new Manifest
        {
            Spec = spec, Runs = runs.Count, StartedUtc = started, FinishedUtc = DateTime.UtcNow, ElapsedSeconds = clock.Elapsed.TotalSeconds,
        });
        return new SweepOutcome(spec, target, results, summaries, statistics, results.Count, clock.Elapsed);
    }

    private static (IReadOnlyList<SettingSummary> Summaries, SweepStats? Statistics) WriteAggregates(AblationSpec spec, ResultStore store, RunSet results,
        int threads, CancellationToken cancellation)
    {
        // Settings in parallel, each streaming its seeds' runs (Aggregation); every summary is the same bytes whatever the order.
        var settings = spec.Settings();
        var summaries = new SettingSummary[settings.Count];
        OrderedParallel.For(settings.Count, threads, cancellation, i =>
        {
            summaries[i] = Aggregation.Summarize(settings[i], results.OfSetting(settings[i]));
            store.WriteSummary(summaries[i]);
        });
        store.WriteFinal(spec, summaries);
        cancellation.ThrowIfCancellationRequested();
        var statistics = SweepStatistics.Compute(spec, results.Digests);
        store.WriteStats(statistics);
        return (summaries, statistics);
    }

    // A results folder that is a file is refused before its lock is taken (the lock would fail less clearly).
    private static void RefuseFile(ResultStore store)
    {
        if (File.Exists(store.Root)) throw new SpecException($"out: {store.Root} is a file; expected a folder for the results");
    }

    // A folder may be new, or hold an earlier (possibly interrupted) sweep of the very same spec.
    private static Manifest? CheckFolder(ResultStore store, AblationSpec spec, Shard shard)
    {
        var manifest = File.Exists(store.ManifestPath) ? ReadManifestOrThrow(store) : null;
        if (manifest is null)
        {
            if (Directory.Exists(store.RunsDirectory) && Directory.EnumerateFileSystemEntries(store.RunsDirectory).Any())
                throw new SpecException($"out: {store.Root} holds run files but no manifest.json; choose an empty folder");
            return null;
        }
        var diff = ResultStore.Differences(manifest.Spec, spec);
        if (diff.Count > 0)
            throw new SpecException($"out: {store.Root} holds results of a different spec ({string.Join(", ", SpecOptions.For(diff))} differ); choose another folder or the same options");
        if (manifest.Shard != shard.ToString())
            throw new SpecException($"out: {store.Root} holds shard {manifest.Shard}, not {shard}; give each shard its own folder");
        foreach (var key in spec.Runs().Where(store.HasRun))
        {
            var expected = RunExecutor.Columns(spec, key.Activation);
            var found = store.RunColumns(key);
            if (!found.SequenceEqual(expected))
                throw new SpecException($"out: {store.RunPath(key)} records other metrics than this build does ([{string.Join(",", found)}]); choose another folder");
        }
        // Temporary files of writes cut short (a killed process) are never results: drop them.
        foreach (var dir in new[] { store.Root, store.RunsDirectory, store.SummaryDirectory, store.PlotsDirectory })
            if (Directory.Exists(dir))
                foreach (var temp in Directory.EnumerateFiles(dir, "*" + AtomicFile.TempMarker + "*")) File.Delete(temp);
        return manifest;
    }

    private static Manifest ReadManifestOrThrow(ResultStore store)
    {
        try
        {
            return store.ReadManifest() ?? throw new SpecException($"{store.Root}: no manifest.json; not a GradFlow results folder");
        }
        catch (InvalidDataException e)
        {
            throw new SpecException(e.Message);
        }
    }
}
