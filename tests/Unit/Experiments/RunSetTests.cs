using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>
/// A sweep keeps per run only its digest once the run's log is past the memory budget: a run not kept
/// reads back as the run that was written, and the live heap after a sweep grows with the number of
/// runs by far less than their logs would take (the files are the same either way: SweepRunnerTests).
/// </summary>
[Collection(MemoryMeasurements.Name)]
public sealed class RunSetTests : IDisposable
{
    // Two activations at one scale, a test split, few rows: the seeds and epochs are set per test.
    private static readonly AblationSpec Spec = Presets.Paper with { Name = "unit", Activations = ["relu", "tanh"], Scales = [1.0], N = 40 };

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("gradflow-runset-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Dir(string name) => Path.Combine(_root.FullName, name);

    [Fact]
    public void Indexer_RunNotKept_ReadsBackTheLogItWrote()
    {
        var spec = Spec with { Seeds = [0, 1, 2], Epochs = 40 };
        var kept = SweepRunner.Run(spec, Dir("kept"), new SweepOptions(Threads: 1, RetainedRunBytes: long.MaxValue));
        var streamed = SweepRunner.Run(spec, Dir("streamed"), new SweepOptions(Threads: 1, RetainedRunBytes: 0));

        for (int i = 0; i < kept.Runs.Count; i++)
        {
            var (a, b) = (kept.Runs[i], streamed.Runs[i]);
            Assert.Equal(a.Key, b.Key);
            Assert.Equal(a.DivergedAt, b.DivergedAt);
            Assert.Equal(a.Log.Columns, b.Log.Columns);
            Assert.Equal(a.Log.Epochs.ToArray(), b.Log.Epochs.ToArray());
            for (int r = 0; r < a.Log.Count; r++) Assert.True(a.Log.Row(r).SequenceEqual(b.Log.Row(r)), $"{a.Key} row {r} differs");
        }
    }

    [Fact]
    public void Run_TenTimesTheSeeds_LiveHeapGrowsByUnderATenthOfTheLogs()
    {
        Measure(2, "warm-up"); // statics, JIT and pools first, so that neither measurement pays for them
        var (few, fewLogs) = Measure(10, "few");
        var (many, manyLogs) = Measure(100, "many");

        // Keeping every log (the sweep before RunSet) grows the heap by manyLogs - fewLogs; digests by about 1 % of it.
        long growth = many - few, logGrowth = manyLogs - fewLogs;
        Assert.True(growth < logGrowth / 10,
            $"the live heap after the sweep grew by {growth} bytes from 10 to 100 seeds; their logs are {logGrowth} bytes, and a tenth of that is the bound");
    }

    // The live heap held while a sweep's outcome is alive, above the heap before it, and the bytes its run logs take.
    private (long Heap, long Logs) Measure(int seeds, string name)
    {
        var spec = Spec with { Seeds = [.. Enumerable.Range(0, seeds).Select(s => (ulong)s)], Epochs = 200 };
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var outcome = SweepRunner.Run(spec, Dir(name), new SweepOptions(Threads: 1, RetainedRunBytes: 0));
        long after = GC.GetTotalMemory(forceFullCollection: true);
        var log = outcome.Runs[0].Log;
        long logs = (long)outcome.Runs.Count * log.Count * (log.Columns.Count * sizeof(double) + sizeof(int));
        GC.KeepAlive(outcome);
        return (after - before, logs);
    }
}
