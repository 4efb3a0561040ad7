using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>The runner's guarantees: files independent of threads, shards and interruptions; divergence reported.</summary>
public sealed class SweepRunnerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gradflow-sweep-").FullName;

    // Small but real: two activations, two scales, three seeds, a test split, 40 epochs.
    private static readonly AblationSpec Spec = Presets.Paper with
    {
        Name = "unit", Activations = ["relu", "tanh"], Scales = [0.5, 2.0], Seeds = [0, 1, 2], N = 60, Epochs = 40,
    };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Dir(string name) => Path.Combine(_root, name);

    private static SortedDictionary<string, byte[]> Files(string dir) => SweepFolders.Files(dir);

    private static void AssertSameFiles(string expectedDir, string actualDir) => SweepFolders.AssertSameFiles(expectedDir, actualDir);

    [Fact]
    public void Run_SmallSpec_WritesEveryFileOfTheFormat()
    {
        var outcome = SweepRunner.Run(Spec, Dir("a"), new SweepOptions(Threads: 1));

        Assert.Equal(12, Directory.GetFiles(Path.Combine(Dir("a"), "runs")).Length);
        Assert.True(File.Exists(Path.Combine(Dir("a"), "runs", "relu_xavier_s0p5_seed0.csv")));
        Assert.True(File.Exists(Path.Combine(Dir("a"), "summary", "tanh_xavier_s2_seed0.csv".Replace("_seed0", ""))));
        Assert.True(File.Exists(Path.Combine(Dir("a"), "final.csv")));
        Assert.True(File.Exists(Path.Combine(Dir("a"), "stats.csv")));
        Assert.True(File.Exists(Path.Combine(Dir("a"), "manifest.json")));
        Assert.Equal(4, outcome.Summaries.Count);
        var final = File.ReadAllLines(Path.Combine(Dir("a"), "final.csv"));
        Assert.StartsWith("activation,init,init_scale,n_seeds,epochs,lr,noise,test_size,train_loss_mean,train_loss_std,", final[0]);
        Assert.Equal(5, final.Length);
    }

    [Fact]
    public void Run_NoLogKeptInMemory_WritesTheSameFilesAndClaimsAsEveryLogKept()
    {
        var kept = SweepRunner.Run(Spec, Dir("kept"), new SweepOptions(Threads: 2, RetainedRunBytes: long.MaxValue));
        var streamed = SweepRunner.Run(Spec, Dir("streamed"), new SweepOptions(Threads: 2, RetainedRunBytes: 0));
        ClaimsFile.Write(kept.Store.Root, ClaimEvaluator.Evaluate(SeedValues.Of(kept)));
        ClaimsFile.Write(streamed.Store.Root, ClaimEvaluator.Evaluate(SeedValues.Of(streamed)));

        Assert.Equal(kept.Runs.Count, ((RunSet)kept.Runs).RetainedCount);
        Assert.Equal(0, ((RunSet)streamed.Runs).RetainedCount);
        AssertSameFiles(Dir("kept"), Dir("streamed"));
    }

    [Fact]
    public void Run_SerialAndParallel_WriteByteIdenticalFiles()
    {
        SweepRunner.Run(Spec, Dir("serial"), new SweepOptions(Threads: 1));
        SweepRunner.Run(Spec, Dir("parallel"), new SweepOptions(Threads: 4));

        AssertSameFiles(Dir("serial"), Dir("parallel"));
    }

    [Fact]
    public void Run_InterruptedThenRestarted_EndsWithTheFilesOfAnUninterruptedRun()
    {
        SweepRunner.Run(Spec, Dir("whole"), new SweepOptions(Threads: 2));
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Done == 5) cancel.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SweepRunner.Run(Spec, Dir("resumed"), new SweepOptions(Threads: 1, Progress: progress, Cancellation: cancel.Token)));
        int before = Directory.GetFiles(Path.Combine(Dir("resumed"), "runs")).Length;
        // What a killed process leaves: a temporary file of a write cut short.
        File.WriteAllText(Path.Combine(Dir("resumed"), "runs", "tanh_xavier_s2_seed2.csv.tmp-1-abc"), "epoch,train_lo");

        var outcome = SweepRunner.Run(Spec, Dir("resumed"), new SweepOptions(Threads: 2));

        Assert.InRange(before, 5, 11);
        Assert.Equal(before, outcome.ResumedCount);
        AssertSameFiles(Dir("whole"), Dir("resumed"));
    }

    [Fact]
    public void Merge_OfAllShards_EqualsTheSingleMachineRun()
    {
        SweepRunner.Run(Spec, Dir("single"), new SweepOptions(Threads: 2));
        var shards = new[] { "1/3", "2/3", "3/3" };
        foreach (var s in shards) SweepRunner.Run(Spec, Dir("shard" + s[0]), new SweepOptions(Shard: Shard.Parse(s)));

        SweepRunner.Merge(Dir("merged"), shards.Select(s => Dir("shard" + s[0])).ToArray());

        AssertSameFiles(Dir("single"), Dir("merged"));
        int total = shards.Sum(s => Directory.GetFiles(Path.Combine(Dir("shard" + s[0]), "runs")).Length);
        Assert.Equal(12, total); // disjoint and complete
    }

    [Fact]
    public void Run_FolderOfADifferentSpec_IsRefusedNamingTheOptionsTyped()
    {
        SweepRunner.Run(Spec, Dir("x"), new SweepOptions());
        var before = Files(Dir("x"));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Spec with { Epochs = 41, LearningRate = 0.1 }, Dir("x"), new SweepOptions()));

        // The options a user types (--lr), not the manifest's JSON fields (learning_rate).
        Assert.Contains("(--lr, --epochs differ)", e.Message);
        Assert.DoesNotContain("learning_rate", e.Message);
        Assert.Equal(before, Files(Dir("x")));
    }

    /// <summary>Resumes <paramref name="dir"/> and returns the lines it said about runs it did not trust.</summary>
    private static (SweepOutcome Outcome, List<string> Notices) Resume(AblationSpec spec, string dir)
    {
        var notices = new List<string>();
        var outcome = SweepRunner.Run(spec, dir, new SweepOptions(Threads: 2, Notice: n => { lock (notices) notices.Add(n); }));
        return (outcome, notices);
    }

    [Fact]
    public void Run_ResumingATruncatedRunFile_RerunsItSayingSoAndEndsWithTheFilesOfACleanRun()
    {
        SweepRunner.Run(Spec, Dir("clean"), new SweepOptions(Threads: 2));
        SweepRunner.Run(Spec, Dir("cut"), new SweepOptions(Threads: 2));
        // The adversarial case: a run file cut to 19 of its 40 epochs, header intact, rows whole.
        string victim = Path.Combine(Dir("cut"), "runs", "relu_xavier_s2_seed1.csv");
        File.WriteAllLines(victim, File.ReadAllLines(victim).Take(1 + 19));

        var (outcome, notices) = Resume(Spec, Dir("cut"));

        var notice = Assert.Single(notices);
        Assert.Contains("relu_xavier_s2_seed1.csv", notice);
        Assert.Contains("running it again", notice);
        Assert.Equal(11, outcome.ResumedCount);
        AssertSameFiles(Dir("clean"), Dir("cut"));
    }

    [Fact]
    public void Run_ResumingAnEditedRunFile_FailsItsChecksumAndRerunsIt()
    {
        SweepRunner.Run(Spec, Dir("clean"), new SweepOptions(Threads: 2));
        SweepRunner.Run(Spec, Dir("edited"), new SweepOptions(Threads: 2));
        // Same length, same rows, one value changed: only the checksum recorded at write time can tell.
        string victim = Path.Combine(Dir("edited"), "runs", "tanh_xavier_s0p5_seed2.csv");
        var lines = File.ReadAllLines(victim);
        var cells = lines[5].Split(',');
        cells[1] = cells[1][..^1] + (cells[1][^1] == '1' ? '2' : '1');
        lines[5] = string.Join(',', cells);
        File.WriteAllLines(victim, lines);

        var (_, notices) = Resume(Spec, Dir("edited"));

        Assert.Contains("checksum", Assert.Single(notices));
        AssertSameFiles(Dir("clean"), Dir("edited"));
    }

    [Fact]
    public void Run_ResumingAnUnreadableRunFile_RerunsItSayingWhy()
    {
        SweepRunner.Run(Spec, Dir("c"), new SweepOptions(Threads: 2));
        string victim = Path.Combine(Dir("c"), "runs", "relu_xavier_s2_seed1.csv");
        var lines = File.ReadAllLines(victim);
        lines[3] = lines[3].Replace(lines[3].Split(',')[1], "abc");
        File.WriteAllLines(victim, lines);

        var (_, notices) = Resume(Spec, Dir("c"));

        Assert.Contains("relu_xavier_s2_seed1.csv", Assert.Single(notices));
        Assert.DoesNotContain("abc", File.ReadAllText(victim));
    }

    [Fact]
    public void Run_ManyRunsFailingAtOnce_ReportsTheFirstOneNotAnAggregate()
    {
        // Every run file's path is taken by a folder: each run trains, then fails to write, on both threads at once.
        var spec = Spec with { Activations = ["relu", "tanh", "arctan", "softsign"], Scales = [1.0], Seeds = [0], Epochs = 400 };
        SweepRunner.Run(spec, Dir("blocked"), new SweepOptions(Threads: 2));
        var store = new ResultStore(Dir("blocked"));
        foreach (var key in spec.Runs())
        {
            File.Delete(store.RunPath(key));
            Directory.CreateDirectory(store.RunPath(key));
        }

        // However many runs fail at once, the failure of the earliest in run order is reported, as itself.
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var e = Assert.ThrowsAny<IOException>(() => SweepRunner.Run(spec, Dir("blocked"), new SweepOptions(Threads: 2)));
            Assert.Contains("relu_xavier_s1_seed0.csv", e.Message);
        }
    }

    [Fact]
    public void Run_Resumed_DropsTheTempFilesOfKilledWritesInEveryFolderItWrites()
    {
        var small = Spec with { Activations = ["relu"], Scales = [1.0], Seeds = [0] };
        SweepRunner.Run(small, Dir("t"), new SweepOptions());
        var store = new ResultStore(Dir("t"));
        // What a write killed between its temp file and the rename leaves, in each folder the store and the figures write.
        string[] temps =
        [
            Path.Combine(store.Root, "final.csv.tmp-1-abc"), Path.Combine(store.RunsDirectory, "x.csv.tmp-1-abc"),
            Path.Combine(store.SummaryDirectory, "x.csv.tmp-1-abc"), Path.Combine(store.PlotsDirectory, ".accuracy.tmp-1-abc.png"),
        ];
        Directory.CreateDirectory(store.PlotsDirectory);
        foreach (var t in temps) File.WriteAllText(t, "partial");

        SweepRunner.Run(small, Dir("t"), new SweepOptions());

        Assert.All(temps, t => Assert.False(File.Exists(t), t));
    }

    [Fact]
    public void Run_FolderHeldByAnotherOwner_IsRefusedNamingTheFolderAndTheOwner()
    {
        using var held = FolderLock.Acquire(Dir("held"));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Spec, Dir("held"), new SweepOptions()));

        Assert.Contains(Dir("held"), e.Message);
        Assert.Contains($"in use by gradflow process {Environment.ProcessId} on {Environment.MachineName}", e.Message);
        Assert.False(Directory.Exists(Path.Combine(Dir("held"), "runs")));
        Assert.False(File.Exists(Path.Combine(Dir("held"), "manifest.json")));
    }

    [Fact]
    public void Run_LockLeftByADeadProcess_IsTakenOverAndReleased()
    {
        // What a killed run leaves: the lock file (its lock died with the process) and the owner's line.
        Directory.CreateDirectory(Dir("stale"));
        File.WriteAllText(Path.Combine(Dir("stale"), FolderLock.LockName), "");
        File.WriteAllText(Path.Combine(Dir("stale"), FolderLock.OwnerName), "gradflow process 999999 on gone, started 2026-01-01 00:00:00 UTC\n");

        var outcome = SweepRunner.Run(Spec with { Activations = ["relu"], Scales = [1.0], Seeds = [0] }, Dir("stale"), new SweepOptions());

        Assert.Single(outcome.Runs);
        Assert.False(File.Exists(Path.Combine(Dir("stale"), FolderLock.OwnerName)));
        using var again = FolderLock.Acquire(Dir("stale")); // free once the run is over
    }

    [Fact]
    public void Merge_TargetHeldByAnotherOwner_IsRefused()
    {
        SweepRunner.Run(Spec, Dir("src"), new SweepOptions());
        using var held = FolderLock.Acquire(Dir("merged"));

        var e = Assert.Throws<SpecException>(() => SweepRunner.Merge(Dir("merged"), [Dir("src")]));

        Assert.Contains("in use by", e.Message);
    }

    [Fact]
    public void Run_FolderWhoseRunFilesRecordOtherMetrics_IsRefused()
    {
        SweepRunner.Run(Spec, Dir("m"), new SweepOptions(Threads: 2));
        string victim = Path.Combine(Dir("m"), "runs", "tanh_xavier_s0p5_seed0.csv");
        var lines = File.ReadAllLines(victim);
        lines[0] = lines[0].Replace("train_loss", "old_loss");
        File.WriteAllLines(victim, lines);

        var e = Assert.Throws<SpecException>(() => SweepRunner.Run(Spec, Dir("m"), new SweepOptions()));

        Assert.Contains("records other metrics", e.Message);
    }

    [Fact]
    public void Run_HugeLearningRate_MarksTheRunDivergedAndKeepsMeansFinite()
    {
        // The loss is computed from the logit, so it stays finite until the weights themselves
        // overflow: a step of 1e50 makes ReLU's logits infinite within a few epochs.
        var spec = Spec with { Activations = ["relu"], Scales = [2.0], Seeds = [0], LearningRate = 1e50, Epochs = 30 };

        var outcome = SweepRunner.Run(spec, Dir("div"), new SweepOptions());

        var run = Assert.Single(outcome.Runs);
        Assert.True(run.Diverged, "a learning rate of 1e50 should blow the loss up");
        var reread = outcome.Store.ReadRun(run.Key);
        Assert.Equal(run.DivergedAt, reread.DivergedAt);
        var final = File.ReadAllLines(outcome.Store.FinalPath);
        Assert.EndsWith(",1", final[1]); // n_diverged
        Assert.Equal(0, outcome.Summaries[0].SeedCount);
    }

    [Fact]
    public void ReadRun_OfAWrittenRun_GivesBackTheSameBits()
    {
        var outcome = SweepRunner.Run(Spec with { Activations = ["tanh"], Scales = [1.0], Seeds = [7] }, Dir("r"), new SweepOptions());
        var written = outcome.Runs[0];

        var read = outcome.Store.ReadRun(written.Key);

        Assert.Equal(written.Log.Columns, read.Log.Columns);
        Assert.Equal(written.Log.Count, read.Log.Count);
        for (int r = 0; r < read.Log.Count; r++)
            Assert.True(written.Log.Row(r).SequenceEqual(read.Log.Row(r)), $"row {r} differs");
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void ReadRun_FileWithOtherLineEndsOrPaddedFields_ReadsTheRunItsTextHolds(string lineEnd)
    {
        // Not what GradFlow writes, so not its fast path: CsvHelper reads it, and the run is the same.
        var outcome = SweepRunner.Run(Spec with { Activations = ["tanh"], Scales = [1.0], Seeds = [3] }, Dir("e"), new SweepOptions());
        var written = outcome.Runs[0];
        string path = outcome.Store.RunPath(written.Key);
        var lines = File.ReadAllText(path).TrimEnd('\n').Split('\n');
        File.WriteAllText(path, string.Join(lineEnd, lines.Select(l => l.Replace(",", " , ", StringComparison.Ordinal))) + lineEnd);

        var read = outcome.Store.ReadRun(written.Key);

        Assert.Equal(written.Log.Columns, read.Log.Columns);
        Assert.Equal(written.Log.Epochs.ToArray(), read.Log.Epochs.ToArray());
        for (int r = 0; r < read.Log.Count; r++)
            Assert.True(written.Log.Row(r).SequenceEqual(read.Log.Row(r)), $"row {r} differs");
    }

    [Fact]
    public void ReadRun_IntoAReusedLog_FillsThatLogWithTheBitsOfANewOne()
    {
        var outcome = SweepRunner.Run(Spec with { Activations = ["relu"], Scales = [0.5], Seeds = [0, 1] }, Dir("reuse"), new SweepOptions());
        var fresh = outcome.Store.ReadRun(outcome.Runs[1].Key);
        var reuse = outcome.Store.ReadRun(outcome.Runs[0].Key).Log;

        var read = outcome.Store.ReadRun(outcome.Runs[1].Key, reuse);

        Assert.Same(reuse, read.Log);
        Assert.Equal(fresh.Log.Epochs.ToArray(), read.Log.Epochs.ToArray());
        for (int r = 0; r < read.Log.Count; r++)
            Assert.True(fresh.Log.Row(r).SequenceEqual(read.Log.Row(r)), $"row {r} differs");
    }

    [Fact]
    public void ReadRun_NotANumberInAPlainFile_NamesTheLineAndTheColumn()
    {
        var outcome = SweepRunner.Run(Spec with { Activations = ["relu"], Scales = [0.5], Seeds = [0] }, Dir("bad"), new SweepOptions());
        string path = outcome.Store.RunPath(outcome.Runs[0].Key);
        var lines = File.ReadAllLines(path);
        var fields = lines[3].Split(',');
        fields[2] = "oops";
        lines[3] = string.Join(',', fields);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var e = Assert.Throws<InvalidDataException>(() => outcome.Store.ReadRun(outcome.Runs[0].Key));

        Assert.Contains("line 4", e.Message);
        Assert.Contains($"{outcome.Runs[0].Log.Columns[1]} 'oops' is not a number", e.Message);
    }

    /// <summary>IProgress that reports synchronously on the reporting thread (Progress&lt;T&gt; posts asynchronously).</summary>
    private sealed class SyncProgress(Action<SweepProgress> action) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => action(value);
    }
}
