using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>
/// The runner's wiring on a sweep of four runs of a [2,3,1] net (12 points, 3 epochs): each test takes
/// milliseconds, so that a mutant of the runner reruns them quickly. The long guarantees (thread counts,
/// interruptions, shards on a larger spec) are SweepRunnerTests'.
/// </summary>
public sealed class SweepRunnerFastTests : IDisposable
{
    private static readonly AblationSpec Tiny = new()
    {
        Name = "tiny", Activations = ["relu", "tanh"], Seeds = [0, 1], Arch = [2, 3, 1], N = 12, TestSize = 0.25, Epochs = 3,
    };

    private readonly string _root = Directory.CreateTempSubdirectory("gradflow-fast-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Dir(string name) => Path.Combine(_root, name);

    private static SortedDictionary<string, byte[]> Files(string dir) => SweepFolders.Files(dir);

    private static void AssertSameFiles(string expectedDir, string actualDir) => SweepFolders.AssertSameFiles(expectedDir, actualDir);

    private static void AssertSameBits(RunLog expected, RunLog actual)
    {
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Epochs.ToArray(), actual.Epochs.ToArray());
        for (int r = 0; r < expected.Count; r++) Assert.True(expected.Row(r).SequenceEqual(actual.Row(r)), $"row {r} differs");
    }

    private sealed class SyncProgress(Action<SweepProgress> action) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => action(value);
    }

    private static (SweepOptions Options, List<SweepProgress> Reports) Reporting(int threads = 1)
    {
        var reports = new List<SweepProgress>();
        return (new SweepOptions(Threads: threads, Progress: new SyncProgress(p => { lock (reports) reports.Add(p); })), reports);
    }

    [Fact]
    public void Run_TinySpec_WritesARunFilePerRunASummaryPerSettingAndTheTables()
    {
        var outcome = SweepRunner.Run(Tiny, Dir("a"), new SweepOptions(Threads: 1));

        var store = new ResultStore(Dir("a"));
        Assert.Equal(store.Root, outcome.Store.Root);
        Assert.Same(Tiny, outcome.Spec);
        Assert.Equal(["relu_xavier_s1_seed0.csv", "relu_xavier_s1_seed1.csv", "tanh_xavier_s1_seed0.csv", "tanh_xavier_s1_seed1.csv"],
            Directory.GetFiles(store.RunsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(store.SummaryPath(new SettingKey("relu", "xavier", 1.0))));
        Assert.True(File.Exists(store.SummaryPath(new SettingKey("tanh", "xavier", 1.0))));
        Assert.True(File.Exists(store.FinalPath));
        Assert.True(File.Exists(store.StatsPath));
        Assert.Equal(Tiny.Runs(), outcome.Runs.Select(r => r.Key));
        Assert.Equal(Tiny.Settings(), outcome.Summaries.Select(s => s.Setting));
        Assert.Equal(0, outcome.ResumedCount);
        Assert.True(outcome.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void Run_EveryLogKept_RunsAreThoseTrainedFromTheirKeys()
    {
        var outcome = SweepRunner.Run(Tiny, Dir("k"), new SweepOptions(Threads: 1, RetainedRunBytes: long.MaxValue));

        Assert.Equal(4, ((RunSet)outcome.Runs).RetainedCount);
        foreach (var run in outcome.Runs) AssertSameBits(RunExecutor.Execute(Tiny, run.Key).Log, run.Log);
    }

    [Fact]
    public void Run_NoLogKept_RunsReadBackAsThoseTrainedFromTheirKeys()
    {
        // Past the budget a finished run's log records the next run: each file still holds its own run.
        var outcome = SweepRunner.Run(Tiny, Dir("s"), new SweepOptions(Threads: 1, RetainedRunBytes: 0));

        Assert.Equal(0, ((RunSet)outcome.Runs).RetainedCount);
        foreach (var key in Tiny.Runs()) AssertSameBits(RunExecutor.Execute(Tiny, key).Log, outcome.Store.ReadRun(key).Log);
        for (int i = 0; i < 4; i++) AssertSameBits(RunExecutor.Execute(Tiny, Tiny.Runs()[i]).Log, outcome.Runs[i].Log);
    }

    [Fact]
    public void Run_SomeLogsKept_KeepsTheFirstAndEveryRunStaysItsOwn()
    {
        var one = RunExecutor.Execute(Tiny, Tiny.Runs()[0]).Log;
        long bytes = (long)one.Count * (one.Columns.Count * sizeof(double) + sizeof(int));

        var outcome = SweepRunner.Run(Tiny, Dir("p"), new SweepOptions(Threads: 1, RetainedRunBytes: bytes));

        Assert.Equal(1, ((RunSet)outcome.Runs).RetainedCount);
        for (int i = 0; i < 4; i++) AssertSameBits(RunExecutor.Execute(Tiny, Tiny.Runs()[i]).Log, outcome.Runs[i].Log);
    }

    [Fact]
    public void Run_MoreThreadsThanRuns_WritesTheSameFilesAsOneThread()
    {
        SweepRunner.Run(Tiny, Dir("one"), new SweepOptions(Threads: 1));
        SweepRunner.Run(Tiny, Dir("eight"), new SweepOptions(Threads: 8, RetainedRunBytes: 0));

        AssertSameFiles(Dir("one"), Dir("eight"));
    }

    [Fact]
    public void Run_Summaries_AreEachSettingsMeanAcrossItsSeeds()
    {
        var outcome = SweepRunner.Run(Tiny, Dir("m"), new SweepOptions(Threads: 2));

        var a = RunExecutor.Execute(Tiny, Tiny.Runs()[2]).Log; // tanh seed 0
        var b = RunExecutor.Execute(Tiny, Tiny.Runs()[3]).Log; // tanh seed 1
        var tanh = outcome.Summaries[1];
        Assert.Equal(2, tanh.SeedCount);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal((a[r, "train_loss"] + b[r, "train_loss"]) / 2, tanh.MeanOf("train_loss")[r], 15);
            Assert.Equal(Math.Abs(a[r, "train_loss"] - b[r, "train_loss"]) / 2, tanh.StdOf("train_loss")[r], 15);
        }
        var read = outcome.Store.ReadSummary(tanh.Setting);
        Assert.Equal(tanh.MeanOf("test_acc"), read.MeanOf("test_acc"));
    }

    [Fact]
    public void Run_Statistics_AreThoseOfItsRunsAndWrittenToStatsCsv()
    {
        var outcome = SweepRunner.Run(Tiny, Dir("st"), new SweepOptions(Threads: 1));

        var expected = SweepStatistics.Compute(Tiny, Tiny.Runs().Select(k => RunExecutor.Execute(Tiny, k)).ToArray());
        Assert.NotNull(outcome.Statistics);
        Assert.Equal(expected.Rows(), outcome.Statistics.Rows());
        Assert.Equal(expected.Rows(), outcome.Store.ReadStats().Rows());
        Assert.Single(outcome.Statistics.Pairs);
    }

    [Fact]
    public void Run_Progress_ReportsEveryRunOnceCountingUpToTheTotal()
    {
        var (options, reports) = Reporting(threads: 2);

        SweepRunner.Run(Tiny, Dir("pr"), options);

        Assert.Equal([1, 2, 3, 4], reports.Select(r => r.Done).Order());
        Assert.All(reports, r => Assert.Equal(4, r.Total));
        Assert.All(reports, r => Assert.False(r.Resumed));
        Assert.Equal(Tiny.Runs().Select(k => k.Stem).Order(), reports.Select(r => r.Run.Stem).Order());
    }

    [Fact]
    public void Run_Again_FindsEveryRunOnDiskAndSaysSo()
    {
        SweepRunner.Run(Tiny, Dir("r"), new SweepOptions(Threads: 1));
        var first = new ResultStore(Dir("r")).ReadManifest()!;
        var before = Files(Dir("r"));
        var (options, reports) = Reporting();

        var outcome = SweepRunner.Run(Tiny, Dir("r"), options);

        Assert.Equal(4, outcome.ResumedCount);
        Assert.Equal(4, reports.Count);
        Assert.All(reports, r => Assert.True(r.Resumed));
        Assert.Equal([1, 2, 3, 4], reports.Select(r => r.Done));
        Assert.Equal(before.Keys, Files(Dir("r")).Keys);
        for (int i = 0; i < 4; i++) AssertSameBits(RunExecutor.Execute(Tiny, Tiny.Runs()[i]).Log, outcome.Runs[i].Log);
        var second = outcome.Store.ReadManifest()!;
        Assert.Equal(first.StartedUtc, second.StartedUtc);
    }

    [Fact]
    public void Run_Whole_ManifestRecordsTheSpecTheRunsAndTheTimes()
    {
        var before = DateTime.UtcNow;
        var outcome = SweepRunner.Run(Tiny, Dir("mf"), new SweepOptions(Threads: 1));

        var m = outcome.Store.ReadManifest()!;
        Assert.Equal("1/1", m.Shard);
        Assert.Equal(4, m.Runs);
        Assert.Empty(ResultStore.Differences(Tiny, m.Spec));
        Assert.InRange(m.StartedUtc, before.AddSeconds(-1), DateTime.UtcNow);
        Assert.NotNull(m.FinishedUtc);
        Assert.True(m.FinishedUtc >= m.StartedUtc);
        Assert.InRange(m.ElapsedSeconds!.Value, 0, outcome.Elapsed.TotalSeconds + 1);
    }

    [Fact]
    public void Run_InvalidSpec_IsRefusedBeforeTheFolderIsMade()
    {
        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny with { Epochs = 0 }, Dir("bad")));

        Assert.StartsWith("epochs:", e.Message);
        Assert.False(Directory.Exists(Dir("bad")));
    }

    [Fact]
    public void Run_TooBigForTheMemoryGiven_IsRefusedNamingTheSweep()
    {
        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny, Dir("big"), new SweepOptions(Threads: 3, AvailableMemory: 1000)));

        Assert.StartsWith("too big for this machine: --arch 2,3,1 with --n 12, --epochs 3 at --log-every 1, 4 runs on --threads 3 needs about", e.Message);
        Assert.False(Directory.Exists(Dir("big")));
    }

    [Fact]
    public void Run_ShardTooBig_CountsOnlyTheShardsRuns()
    {
        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny with { Seeds = [0, 1, 2] }, Dir("big"),
            new SweepOptions(Threads: 1, Shard: Shard.Parse("2/4"), AvailableMemory: 1000)));

        // Runs 1 and 5 of 0..5 are shard 2/4's.
        Assert.Contains(", 2 runs on --threads 1 ", e.Message);
    }

    [Fact]
    public void Run_MemoryGivenIsAmple_IsNotRefused() =>
        Assert.Equal(4, SweepRunner.Run(Tiny, Dir("ample"), new SweepOptions(Threads: 1, AvailableMemory: 1L << 40)).Runs.Count);

    [Fact]
    public void Run_OutIsAFile_IsRefusedAsNotAFolder()
    {
        string file = Dir("file");
        File.WriteAllText(file, "x");

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny, file));

        Assert.Equal($"out: {file} is a file; expected a folder for the results", e.Message);
    }

    [Fact]
    public void Run_FolderWithRunFilesButNoManifest_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(Dir("orphan"), "runs"));
        File.WriteAllText(Path.Combine(Dir("orphan"), "runs", "x.csv"), "epoch\n");

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny, Dir("orphan")));

        Assert.Equal($"out: {Dir("orphan")} holds run files but no manifest.json; choose an empty folder", e.Message);
    }

    [Fact]
    public void Run_FolderWithAnEmptyRunsFolder_IsUsed()
    {
        Directory.CreateDirectory(Path.Combine(Dir("empty"), "runs"));

        Assert.Equal(4, SweepRunner.Run(Tiny, Dir("empty"), new SweepOptions(Threads: 1)).Runs.Count);
    }

    [Fact]
    public void Run_FolderOfADifferentSpec_NamesTheOptionsThatDiffer()
    {
        SweepRunner.Run(Tiny, Dir("d"), new SweepOptions(Threads: 1));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny with { N = 16 }, Dir("d")));

        Assert.Equal($"out: {Dir("d")} holds results of a different spec (--n differ); choose another folder or the same options", e.Message);
    }

    [Fact]
    public void Run_FolderOfAnotherShard_IsRefusedNamingBoth()
    {
        SweepRunner.Run(Tiny, Dir("sh"), new SweepOptions(Threads: 1, Shard: Shard.Parse("1/2")));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny, Dir("sh")));

        Assert.Equal($"out: {Dir("sh")} holds shard 1/2, not 1/1; give each shard its own folder", e.Message);
    }

    [Fact]
    public void Run_FolderWithAnUnreadableManifest_IsRefusedAsASpecError()
    {
        Directory.CreateDirectory(Dir("j"));
        File.WriteAllText(Path.Combine(Dir("j"), "manifest.json"), "{ not json");

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny, Dir("j")));

        Assert.Contains("manifest.json: not a GradFlow manifest", e.Message);
    }

    [Fact]
    public void Run_RunFileOfOtherMetrics_IsRefusedNamingItAndItsColumns()
    {
        SweepRunner.Run(Tiny, Dir("om"), new SweepOptions(Threads: 1));
        var store = new ResultStore(Dir("om"));
        string victim = store.RunPath(Tiny.Runs()[3]);
        var lines = File.ReadAllLines(victim);
        lines[0] = lines[0].Replace("train_loss", "old_loss");
        File.WriteAllLines(victim, lines);

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny, Dir("om")));

        Assert.StartsWith($"out: {victim} records other metrics than this build does ([", e.Message);
        Assert.Contains("old_loss", e.Message);
        Assert.EndsWith("]); choose another folder", e.Message);
        // The columns named are the file's own header between epoch and diverged_at, comma-separated.
        Assert.Contains("([" + string.Join(",", lines[0].Split(',')[1..^1]) + "])", e.Message);
    }

    [Fact]
    public void Run_FolderOfASpecDifferingInTwoOptions_NamesBothCommaSeparated()
    {
        SweepRunner.Run(Tiny, Dir("d2"), new SweepOptions(Threads: 1));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Tiny with { N = 16, Epochs = 2 }, Dir("d2")));

        var named = System.Text.RegularExpressions.Regex.Match(e.Message, @"holds results of a different spec \((--[a-z-]+), (--[a-z-]+) differ\)");
        Assert.True(named.Success, e.Message);
        Assert.Equal(["--epochs", "--n"], new[] { named.Groups[1].Value, named.Groups[2].Value }.Order());
    }

    [Fact]
    public void Merge_ShardsDifferingInTwoOptions_NamesBothCommaSeparated()
    {
        SweepRunner.Run(Tiny, Dir("a1of2"), new SweepOptions(Threads: 1, Shard: Shard.Parse("1/2")));
        SweepRunner.Run(Tiny with { N = 16, Epochs = 2 }, Dir("a2of2"), new SweepOptions(Threads: 1, Shard: Shard.Parse("2/2")));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("am"), [Dir("a1of2"), Dir("a2of2")]));

        var named = System.Text.RegularExpressions.Regex.Match(e.Message, @"holds a different spec \((--[a-z-]+), (--[a-z-]+) differ\) from ");
        Assert.True(named.Success, e.Message);
        Assert.Equal(["--epochs", "--n"], new[] { named.Groups[1].Value, named.Groups[2].Value }.Order());
    }

    [Fact]
    public void Run_Resumed_DropsTempFilesButNotResults()
    {
        SweepRunner.Run(Tiny, Dir("t"), new SweepOptions(Threads: 1));
        var store = new ResultStore(Dir("t"));
        string[] temps =
        [
            Path.Combine(store.Root, ".final.csv.tmp-1-abc"), Path.Combine(store.RunsDirectory, ".x.csv.tmp-1-abc.csv"),
            Path.Combine(store.SummaryDirectory, ".x.tmp-1-abc.csv"), Path.Combine(store.PlotsDirectory, ".accuracy.tmp-1-abc.png"),
        ];
        Directory.CreateDirectory(store.PlotsDirectory);
        foreach (var t in temps) File.WriteAllText(t, "partial");
        string plot = Path.Combine(store.PlotsDirectory, "accuracy.png");
        File.WriteAllText(plot, "figure");

        SweepRunner.Run(Tiny, Dir("t"), new SweepOptions(Threads: 1));

        Assert.All(temps, t => Assert.False(File.Exists(t), t));
        Assert.True(File.Exists(plot));
    }

    [Fact]
    public void Run_TruncatedRunFile_IsRunAgainWithANoticeNamingItAndWhy()
    {
        SweepRunner.Run(Tiny, Dir("cut"), new SweepOptions(Threads: 1));
        var store = new ResultStore(Dir("cut"));
        string victim = store.RunPath(Tiny.Runs()[1]);
        var clean = File.ReadAllBytes(victim);
        File.WriteAllLines(victim, File.ReadAllLines(victim).Take(2));
        var notices = new List<string>();

        var outcome = SweepRunner.Run(Tiny, Dir("cut"), new SweepOptions(Threads: 1, Notice: notices.Add));

        var notice = Assert.Single(notices);
        Assert.StartsWith($"{victim} is not proven complete: its checksum or length", notice);
        Assert.EndsWith("; running it again", notice);
        Assert.Equal(3, outcome.ResumedCount);
        Assert.Equal(clean, File.ReadAllBytes(victim));
    }

    [Fact]
    public void Run_TruncatedRunFileWithoutANoticeHandler_IsRunAgainAllTheSame()
    {
        SweepRunner.Run(Tiny, Dir("cut2"), new SweepOptions(Threads: 1));
        string victim = new ResultStore(Dir("cut2")).RunPath(Tiny.Runs()[0]);
        var clean = File.ReadAllBytes(victim);
        File.WriteAllLines(victim, File.ReadAllLines(victim).Take(2));

        var outcome = SweepRunner.Run(Tiny, Dir("cut2"), new SweepOptions(Threads: 1));

        Assert.Equal(3, outcome.ResumedCount);
        Assert.Equal(clean, File.ReadAllBytes(victim));
    }

    [Fact]
    public void Run_CancelledBeforeItStarts_StopsWithNoAggregates()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SweepRunner.Run(Tiny, Dir("c"), new SweepOptions(Threads: 1, Cancellation: cancel.Token)));

        Assert.False(File.Exists(new ResultStore(Dir("c")).FinalPath));
    }

    [Fact]
    public void Run_CancelledWhileARunTrains_StopsLeavingTheFolderUnfinished()
    {
        // The notice about the cut file comes from inside the run that retrains it: cancelling there stops that run's training.
        SweepRunner.Run(Tiny, Dir("ci"), new SweepOptions(Threads: 1));
        var firstStart = new ResultStore(Dir("ci")).ReadManifest()!.StartedUtc;
        string victim = new ResultStore(Dir("ci")).RunPath(Tiny.Runs()[1]);
        File.WriteAllLines(victim, File.ReadAllLines(victim).Take(2));
        var cut = File.ReadAllBytes(victim);
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            SweepRunner.Run(Tiny, Dir("ci"), new SweepOptions(Threads: 1, Cancellation: cancel.Token, Notice: _ => cancel.Cancel())));

        Assert.Equal(cut, File.ReadAllBytes(victim));
        var interrupted = new ResultStore(Dir("ci")).ReadManifest()!;
        Assert.Null(interrupted.FinishedUtc);
        // The resumed sweep's manifest, written before its runs, keeps the sweep's first start.
        Assert.Equal(firstStart, interrupted.StartedUtc);
    }

    [Fact]
    public void Run_CancelledAfterTheLastRun_WritesNoAggregates()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Done == p.Total) cancel.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() => SweepRunner.Run(Tiny, Dir("late"), new SweepOptions(Threads: 1, Progress: progress, Cancellation: cancel.Token)));

        var store = new ResultStore(Dir("late"));
        Assert.Equal(4, Directory.GetFiles(store.RunsDirectory).Length);
        Assert.False(File.Exists(store.FinalPath));
        Assert.False(File.Exists(store.StatsPath));
        Assert.Null(store.ReadManifest()!.FinishedUtc);
    }

    [Fact]
    public void Run_Shard_WritesItsRunsOnlyAndNoAggregates()
    {
        var outcome = SweepRunner.Run(Tiny, Dir("s2"), new SweepOptions(Threads: 1, Shard: Shard.Parse("2/2")));

        // Runs 1 and 3 in run order: relu seed 1 and tanh seed 1.
        Assert.Equal([Tiny.Runs()[1], Tiny.Runs()[3]], outcome.Runs.Select(r => r.Key));
        Assert.Equal(["relu_xavier_s1_seed1.csv", "tanh_xavier_s1_seed1.csv"],
            Directory.GetFiles(outcome.Store.RunsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(outcome.Summaries);
        Assert.Null(outcome.Statistics);
        Assert.False(File.Exists(outcome.Store.FinalPath));
        Assert.False(Directory.Exists(outcome.Store.SummaryDirectory));
        var m = outcome.Store.ReadManifest()!;
        Assert.Equal("2/2", m.Shard);
        Assert.Equal(2, m.Runs);
    }

    private void RunShards()
    {
        SweepRunner.Run(Tiny, Dir("1of2"), new SweepOptions(Threads: 1, Shard: Shard.Parse("1/2")));
        SweepRunner.Run(Tiny, Dir("2of2"), new SweepOptions(Threads: 1, Shard: Shard.Parse("2/2")));
    }

    [Fact]
    public void Merge_BothShards_WritesTheFilesOfTheWholeSweep()
    {
        SweepRunner.Run(Tiny, Dir("whole"), new SweepOptions(Threads: 1));
        RunShards();

        var outcome = SweepRunner.Merge(Dir("merged"), [Dir("1of2"), Dir("2of2")]);

        AssertSameFiles(Dir("whole"), Dir("merged"));
        Assert.Equal(Tiny.Runs(), outcome.Runs.Select(r => r.Key));
        Assert.Equal(4, outcome.ResumedCount);
        Assert.Equal(2, outcome.Summaries.Count);
        Assert.NotNull(outcome.Statistics);
        Assert.Empty(ResultStore.Differences(Tiny, outcome.Spec));
        var m = outcome.Store.ReadManifest()!;
        Assert.Equal("1/1", m.Shard);
        Assert.Equal(4, m.Runs);
        Assert.NotNull(m.FinishedUtc);
        for (int i = 0; i < 4; i++) AssertSameBits(RunExecutor.Execute(Tiny, Tiny.Runs()[i]).Log, outcome.Runs[i].Log);
    }

    [Fact]
    public void Merge_Again_IntoTheSameTarget_KeepsItsFiles()
    {
        RunShards();
        SweepRunner.Merge(Dir("merged"), [Dir("1of2"), Dir("2of2")]);
        var before = Files(Dir("merged"));
        // A proven copy is left as it is, not written again: its time stamp stays.
        var runsDir = new ResultStore(Dir("merged")).RunsDirectory;
        var stamp = DateTime.UtcNow.AddDays(-1);
        foreach (var f in Directory.GetFiles(runsDir)) File.SetLastWriteTimeUtc(f, stamp);

        SweepRunner.Merge(Dir("merged"), [Dir("2of2"), Dir("1of2")]);

        Assert.All(Directory.GetFiles(runsDir), f => Assert.Equal(stamp, File.GetLastWriteTimeUtc(f)));

        AssertSameFiles(Dir("merged"), Dir("merged"));
        Assert.Equal(before.Keys, Files(Dir("merged")).Keys);
        foreach (var (name, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(Dir("merged"), name)));
    }

    [Fact]
    public void Merge_TargetWithACorruptCopy_WritesTheShardsRunOverIt()
    {
        RunShards();
        SweepRunner.Merge(Dir("merged"), [Dir("1of2"), Dir("2of2")]);
        var store = new ResultStore(Dir("merged"));
        string victim = store.RunPath(Tiny.Runs()[2]);
        var clean = File.ReadAllBytes(victim);
        File.WriteAllLines(victim, File.ReadAllLines(victim).Take(2));

        SweepRunner.Merge(Dir("merged"), [Dir("1of2"), Dir("2of2")]);

        Assert.Equal(clean, File.ReadAllBytes(victim));
    }

    [Fact]
    public void Merge_NoFolders_AsksForOne() =>
        Assert.Equal("merge: name at least one shard folder", Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("m"), [])).Message);

    [Fact]
    public void Merge_FolderWithoutManifest_SaysItIsNoResultsFolder()
    {
        Directory.CreateDirectory(Dir("none"));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("m"), [Dir("none")]));

        Assert.Equal($"{Dir("none")}: no manifest.json; not a GradFlow results folder", e.Message);
    }

    [Fact]
    public void Merge_ShardsOfDifferentSpecs_NamesTheOptionsThatDiffer()
    {
        SweepRunner.Run(Tiny, Dir("1of2"), new SweepOptions(Threads: 1, Shard: Shard.Parse("1/2")));
        SweepRunner.Run(Tiny with { Epochs = 2 }, Dir("2of2"), new SweepOptions(Threads: 1, Shard: Shard.Parse("2/2")));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("m"), [Dir("1of2"), Dir("2of2")]));

        Assert.Equal($"merge: {Dir("2of2")} holds a different spec (--epochs differ) from {Dir("1of2")}", e.Message);
        Assert.False(Directory.Exists(Dir("m")));
    }

    [Fact]
    public void Merge_MissingShard_NamesTheFirstRunNotFound()
    {
        SweepRunner.Run(Tiny, Dir("1of2"), new SweepOptions(Threads: 1, Shard: Shard.Parse("1/2")));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("m"), [Dir("1of2")]));

        Assert.Equal("merge: run relu_xavier_s1_seed1 is in none of the shard folders; run its shard first", e.Message);
    }

    [Fact]
    public void Merge_ShardRunNotProven_SaysToRunTheShardAgain()
    {
        RunShards();
        string victim = new ResultStore(Dir("2of2")).RunPath(Tiny.Runs()[3]);
        File.WriteAllLines(victim, File.ReadAllLines(victim).Take(2));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("m"), [Dir("1of2"), Dir("2of2")]));

        Assert.StartsWith($"merge: {victim} is not proven complete: ", e.Message);
        Assert.EndsWith("; run its shard again with the same command", e.Message);
    }

    [Fact]
    public void Merge_TargetIsAFile_IsRefusedAsNotAFolder()
    {
        RunShards();
        File.WriteAllText(Dir("f"), "x");

        var e = Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("f"), [Dir("1of2"), Dir("2of2")]));

        Assert.Equal($"out: {Dir("f")} is a file; expected a folder for the results", e.Message);
    }

    [Fact]
    public void Merge_TargetOfADifferentSpec_IsRefused()
    {
        RunShards();
        SweepRunner.Run(Tiny with { Noise = 0.2 }, Dir("other"), new SweepOptions(Threads: 1));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("other"), [Dir("1of2"), Dir("2of2")]));

        Assert.Contains("(--noise differ)", e.Message);
    }

    [Fact]
    public void Run_HugeLearningRate_CountsTheDivergedRunAndAveragesNone()
    {
        // A step of 1e50 overflows ReLU's logits within a few epochs (the loss stays finite until the weights do).
        var spec = Tiny with { Activations = ["relu"], Seeds = [0], Scales = [2.0], Arch = [2, 16, 16, 1], LearningRate = 1e50, Epochs = 30 };

        var outcome = SweepRunner.Run(spec, Dir("div"), new SweepOptions(Threads: 1));

        Assert.True(Assert.Single(outcome.Runs).Diverged);
        var summary = Assert.Single(outcome.Summaries);
        Assert.Equal(0, summary.SeedCount);
        Assert.Equal(1, summary.DivergedCount);
        Assert.Null(outcome.Statistics!.Settings[0].Final);
    }

    [Fact]
    public void Run_ShortRunKeptInALogLeftOver_IsNotTrainedOverByTheNextRun()
    {
        // Scale 1e200 overflows the first forward pass (z of the output ~ 1e400): those runs diverge at epoch 0 and log one row.
        // Budget: one full log and one short one. Run 0 is kept, run 1 is not (its log is left over for
        // the next run), run 2 records into that log and fits, so it is kept in it: run 3 must get a log of its own.
        var spec = Tiny with { Activations = ["relu"], Scales = [1.0, 1e200] };
        var fresh = spec.Runs().Select(k => RunExecutor.Execute(spec, k)).ToArray();
        Assert.Equal([false, false, true, true], fresh.Select(r => r.Diverged));
        Assert.False(fresh[2].Log.Row(0).SequenceEqual(fresh[3].Log.Row(0)));
        long Bytes(RunLog log) => (long)log.Count * (log.Columns.Count * sizeof(double) + sizeof(int));

        var outcome = SweepRunner.Run(spec, Dir("short"), new SweepOptions(Threads: 1, RetainedRunBytes: Bytes(fresh[0].Log) + Bytes(fresh[2].Log)));

        Assert.Equal(2, ((RunSet)outcome.Runs).RetainedCount);
        for (int i = 0; i < 4; i++)
        {
            AssertSameBits(fresh[i].Log, outcome.Runs[i].Log);
            Assert.Equal(fresh[i].DivergedAt, outcome.Runs[i].DivergedAt);
        }
    }

    [Fact]
    public void Merge_ShardManifestWithAnInvalidSpec_IsRefusedNamingTheField()
    {
        // A manifest edited by hand to a spec no sweep could have run: its shards are merged only once it validates.
        RunShards();
        foreach (var dir in new[] { Dir("1of2"), Dir("2of2") })
        {
            string path = new ResultStore(dir).ManifestPath;
            string json = File.ReadAllText(path);
            Assert.Contains("\"epochs\": 3,", json);
            File.WriteAllText(path, json.Replace("\"epochs\": 3,", "\"epochs\": 0,"));
        }

        var e = Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("m"), [Dir("1of2"), Dir("2of2")]));

        Assert.Equal("epochs: 0 is not a positive integer", e.Message);
        Assert.False(Directory.Exists(Dir("m")));
    }
}
