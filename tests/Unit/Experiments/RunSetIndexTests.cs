using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>
/// RunSet's bookkeeping on hand-made logs (no training): which runs it keeps against its budget, what it
/// reads back from the store, and its errors. The memory guarantee on real sweeps is RunSetTests'.
/// </summary>
public sealed class RunSetIndexTests : IDisposable
{
    private static readonly AblationSpec Spec = new() { Activations = ["relu", "tanh"], Seeds = [0, 1], Epochs = 3, TestSize = 0.25 };

    private readonly string _root = Directory.CreateTempSubdirectory("gradflow-runset-index-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // A run of `rows` epochs and two columns, its values distinct per key; a log costs 8 bytes a value and 4 an epoch.
    private static RunResult Run(RunKey key, int rows, double offset = 0)
    {
        var log = new RunLog(["train_acc", "test_acc"], rows);
        for (int r = 0; r < rows; r++)
        {
            var row = log.Append(r);
            row[0] = offset + 0.1 * r;
            row[1] = offset + 0.01 * r + (double)key.Seed;
        }
        return new RunResult(key, log, null);
    }

    private static long Bytes(int rows) => rows * (2 * sizeof(double) + sizeof(int));

    private static RunKey Key(int i) => Spec.Runs()[i];

    private ResultStore StoreOf(params RunResult[] runs)
    {
        var store = new ResultStore(_root);
        Directory.CreateDirectory(store.RunsDirectory);
        foreach (var r in runs) store.WriteRun(r);
        return store;
    }

    [Fact]
    public void Of_Runs_KeepsEveryOneInOrder()
    {
        var runs = Enumerable.Range(0, 4).Select(i => Run(Key(i), 3)).ToArray();

        var set = RunSet.Of(Spec, runs);

        Assert.Equal(4, set.Count);
        Assert.Equal(4, set.RetainedCount);
        Assert.Equal(Spec.Runs(), set.Keys);
        for (int i = 0; i < 4; i++) Assert.Same(runs[i], set[i]);
        Assert.Equal(runs, set);
        Assert.Equal(runs, ((System.Collections.IEnumerable)set).Cast<RunResult>());
    }

    [Fact]
    public void From_ASet_IsThatSet()
    {
        var set = RunSet.Of(Spec, [Run(Key(0), 2)]);

        Assert.Same(set, RunSet.From(Spec, set));
    }

    [Fact]
    public void From_AList_IsASetOfIt()
    {
        var runs = new[] { Run(Key(0), 2), Run(Key(1), 2) };

        var set = RunSet.From(Spec, runs);

        Assert.Equal(runs, set);
        Assert.Equal(2, set.RetainedCount);
    }

    [Fact]
    public void Of_NullSpec_Throws() => Assert.Throws<ArgumentNullException>(() => RunSet.Of(null!, []));

    [Fact]
    public void Constructor_NullKeys_ThrowsNamingKeys() =>
        Assert.Equal("keys", Assert.Throws<ArgumentNullException>(() => new RunSet(null, null!, "test_acc")).ParamName);

    [Fact]
    public void Add_RunOfAnotherIndex_NamesBoth()
    {
        var set = new RunSet(null, Spec.Runs(), "test_acc");

        var e = Assert.Throws<ArgumentException>(() => set.Add(1, Run(Key(2), 2)));

        Assert.StartsWith("run tanh_xavier_s1_seed0 is not run 1 (relu_xavier_s1_seed1) of this set", e.Message);
        Assert.Equal("run", e.ParamName);
    }

    [Fact]
    public void Add_Null_Throws() => Assert.Throws<ArgumentNullException>(() => new RunSet(null, Spec.Runs(), "test_acc").Add(0, null!));

    [Fact]
    public void Add_WithoutAStore_KeepsEveryRunWhateverTheBudget()
    {
        var set = new RunSet(null, Spec.Runs(), "test_acc", retainedBytes: 0);

        Assert.True(set.Add(0, Run(Key(0), 3)));
        Assert.True(set.Add(1, Run(Key(1), 3)));
        Assert.Equal(2, set.RetainedCount);
    }

    [Fact]
    public void Add_WithAStore_KeepsRunsWhileTheirLogsFitTheBudget()
    {
        var runs = Enumerable.Range(0, 3).Select(i => Run(Key(i), 3)).ToArray();
        var set = new RunSet(StoreOf(runs), Spec.Runs(), "test_acc", retainedBytes: 2 * Bytes(3));

        Assert.True(set.Add(0, runs[0]));
        Assert.True(set.Add(1, runs[1])); // exactly the budget
        Assert.False(set.Add(2, runs[2]));
        Assert.Equal(2, set.RetainedCount);
    }

    [Fact]
    public void Add_WithAStoreAndABudgetJustBelowALog_KeepsNone()
    {
        var run = Run(Key(0), 3);
        var set = new RunSet(StoreOf(run), Spec.Runs(), "test_acc", retainedBytes: Bytes(3) - 1);

        Assert.False(set.Add(0, run));
        Assert.Equal(0, set.RetainedCount);
    }

    [Fact]
    public void Add_LogNotKept_GivesItsBytesBackToTheBudget()
    {
        // A long run that does not fit, then a short one that fits only if the long one's bytes were given back.
        var small = Run(Key(0), 2);
        var big = Run(Key(1), 10);
        var later = Run(Key(2), 2);
        var set = new RunSet(StoreOf(small, big, later), Spec.Runs(), "test_acc", retainedBytes: Bytes(2) + Bytes(2));

        Assert.True(set.Add(0, small));
        Assert.False(set.Add(1, big));
        Assert.True(set.Add(2, later));
    }

    [Fact]
    public void Indexer_RunNotKept_IsReadBackFromTheStore()
    {
        var run = Run(Key(1), 3, offset: 0.5);
        var set = new RunSet(StoreOf(run), Spec.Runs(), "test_acc", retainedBytes: 0);
        set.Add(1, run);

        var read = set[1];

        Assert.NotSame(run, read);
        Assert.Equal(run.Key, read.Key);
        Assert.Equal(run.Log.Column("test_acc"), read.Log.Column("test_acc"));
    }

    [Fact]
    public void Indexer_RunNotAddedWithoutAStore_SaysSo()
    {
        var set = new RunSet(null, Spec.Runs(), "test_acc");

        var e = Assert.Throws<InvalidOperationException>(() => set[2]);

        Assert.Equal("run tanh_xavier_s1_seed0 has not been added", e.Message);
    }

    [Fact]
    public void Digest_RunNotAdded_SaysSo()
    {
        var set = new RunSet(null, Spec.Runs(), "test_acc");

        Assert.Equal("run relu_xavier_s1_seed1 has not been added", Assert.Throws<InvalidOperationException>(() => set.Digest(1)).Message);
        Assert.Throws<InvalidOperationException>(() => set.Digests);
    }

    [Fact]
    public void Digests_AreEachRunsFirstAndLastRowsInRunOrder()
    {
        var runs = Enumerable.Range(0, 4).Select(i => Run(Key(i), 3, offset: i)).ToArray();

        var digests = RunSet.Of(Spec, runs).Digests;

        Assert.Equal(Spec.Runs(), digests.Select(d => d.Key));
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(runs[i].Log.Row(2).ToArray(), digests[i].Last);
            Assert.Equal(runs[i].Log.Row(0).ToArray(), digests[i].First);
            Assert.Equal(3, digests[i].Count);
        }
    }

    [Fact]
    public void Digests_EqualColumnLists_ShareTheFirstOne()
    {
        var a = Run(Key(0), 2);
        var b = Run(Key(1), 2); // its own list of the same columns

        var set = RunSet.Of(Spec, [a, b]);

        Assert.NotSame(a.Log.Columns, b.Log.Columns);
        Assert.Same(a.Log.Columns, set.Digest(1).Columns);
    }

    [Fact]
    public void Digests_OtherColumns_KeepTheirOwnList()
    {
        var a = Run(Key(0), 2);
        var otherLog = new RunLog(["train_acc", "train_loss"], 1);
        otherLog.Append(0);
        var b = new RunResult(Key(1), otherLog, null);

        var set = RunSet.Of(Spec, [a, b]);

        Assert.Same(otherLog.Columns, set.Digest(1).Columns);
        Assert.Same(a.Log.Columns, set.Digest(0).Columns);
    }

    [Fact]
    public void IndicesOf_ASetting_AreItsSeedsRunIndices()
    {
        var set = new RunSet(null, Spec.Runs(), "test_acc");

        Assert.Equal([2, 3], set.IndicesOf(new SettingKey("tanh", "xavier", 1.0)));
        Assert.Empty(set.IndicesOf(new SettingKey("tanh", "xavier", 2.0)));
    }

    [Fact]
    public void OfSetting_KeptAndReadBackRuns_InRunOrder()
    {
        var runs = Enumerable.Range(0, 4).Select(i => Run(Key(i), 3, offset: i)).ToArray();
        var set = new RunSet(StoreOf(runs), Spec.Runs(), "test_acc", retainedBytes: Bytes(3) * 3);
        for (int i = 0; i < 4; i++) set.Add(i, runs[i]);

        var tanh = set.OfSetting(new SettingKey("tanh", "xavier", 1.0)).Select(r => (r.Key, Acc: r.Log.Column("test_acc"))).ToArray();

        Assert.Equal([Key(2), Key(3)], tanh.Select(t => t.Key));
        Assert.Equal(runs[2].Log.Column("test_acc"), tanh[0].Acc);
        Assert.Equal(runs[3].Log.Column("test_acc"), tanh[1].Acc);
    }

    [Fact]
    public void OfSetting_RunsNotKept_AreReadIntoOneReusedLog()
    {
        var runs = Enumerable.Range(0, 4).Select(i => Run(Key(i), 3, offset: i)).ToArray();
        var set = new RunSet(StoreOf(runs), Spec.Runs(), "test_acc", retainedBytes: 0);
        for (int i = 0; i < 4; i++) set.Add(i, runs[i]);

        var logs = new List<RunLog>();
        var values = new List<double[]>();
        foreach (var r in set.OfSetting(new SettingKey("relu", "xavier", 1.0)))
        {
            logs.Add(r.Log);
            values.Add(r.Log.Column("train_acc"));
        }

        Assert.Same(logs[0], logs[1]);
        Assert.Equal(runs[0].Log.Column("train_acc"), values[0]);
        Assert.Equal(runs[1].Log.Column("train_acc"), values[1]);
    }

    [Fact]
    public void OfSetting_RunNotAddedWithAStore_SaysSo()
    {
        var set = new RunSet(StoreOf(Run(Key(0), 2)), Spec.Runs(), "test_acc", retainedBytes: 0);

        var e = Assert.Throws<InvalidOperationException>(() => set.OfSetting(new SettingKey("relu", "xavier", 1.0)).ToArray());

        Assert.Equal("run relu_xavier_s1_seed0 has not been added", e.Message);
    }

    [Fact]
    public void ScratchLog_RunKept_IsItsOwnLog()
    {
        var run = Run(Key(0), 2);

        Assert.Same(run.Log, RunSet.Of(Spec, [run]).ScratchLog(0));
    }

    [Fact]
    public void ScratchLog_RunsNotKept_AreReadIntoTheThreadsOneLog()
    {
        var runs = Enumerable.Range(0, 2).Select(i => Run(Key(i), 3, offset: i)).ToArray();
        var set = new RunSet(StoreOf(runs), Spec.Runs(), "test_acc", retainedBytes: 0);
        set.Add(0, runs[0]);
        set.Add(1, runs[1]);

        var first = set.ScratchLog(0);
        var firstValues = first.Column("test_acc");
        var second = set.ScratchLog(1);

        Assert.Equal(runs[0].Log.Column("test_acc"), firstValues);
        Assert.Same(first, second);
        Assert.Equal(runs[1].Log.Column("test_acc"), second.Column("test_acc"));
    }

    [Fact]
    public void DefaultRetainedBytes_Is128MiB() => Assert.Equal(128L * 1024 * 1024, RunSet.DefaultRetainedBytes);
}
