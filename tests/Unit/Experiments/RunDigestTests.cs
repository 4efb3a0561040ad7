using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class RunDigestTests
{
    private static readonly RunKey Key = new SettingKey("tanh", "xavier", 0.5).WithSeed(2);

    // train_loss and test_acc at epochs 0, 5, 10 (a log of exactly that capacity).
    private static RunResult Run(double[] acc, int? divergedAt = null)
    {
        var log = new RunLog(["train_loss", "test_acc"], acc.Length);
        for (int r = 0; r < acc.Length; r++)
        {
            var row = log.Append(5 * r);
            row[0] = 1.0 / (r + 1);
            row[1] = acc[r];
        }
        return new RunResult(Key, log, divergedAt);
    }

    [Fact]
    public void Of_ThreeRows_KeepsTheFirstAndLastRowsAndEpochs()
    {
        var digest = RunDigest.Of(Run([0.5, 0.6, 0.7]), "test_acc");

        Assert.Same(Key, digest.Key);
        Assert.Equal(["train_loss", "test_acc"], digest.Columns);
        Assert.Equal(3, digest.Count);
        Assert.Equal(0, digest.FirstEpoch);
        Assert.Equal(10, digest.LastEpoch);
        Assert.Equal([1.0, 0.5], digest.First);
        Assert.Equal([1.0 / 3, 0.7], digest.Last);
    }

    [Fact]
    public void Of_AccuracyCrossingBothThresholds_RecordsTheFirstEpochOfEach()
    {
        // Thresholds 0.85 and 0.90: 0.87 at epoch 5 passes only the first, 0.95 at epoch 10 both.
        var digest = RunDigest.Of(Run([0.5, 0.87, 0.95]), "test_acc");

        Assert.Equal([5, 10], digest.ThresholdEpochs);
    }

    [Fact]
    public void Of_AccuracyNeverReachingAThreshold_RecordsNoEpochForIt()
    {
        var digest = RunDigest.Of(Run([0.5, 0.6, 0.7]), "test_acc");

        Assert.Equal([null, null], digest.ThresholdEpochs);
    }

    [Fact]
    public void Of_AccuracyMetricNotLogged_RecordsNoThresholdEpochs()
    {
        var digest = RunDigest.Of(Run([0.95, 0.95, 0.95]), "train_acc");

        Assert.Equal([null, null], digest.ThresholdEpochs);
    }

    [Fact]
    public void Of_ColumnsGiven_KeepsThatListInstead()
    {
        IReadOnlyList<string> columns = ["train_loss", "test_acc"];

        var digest = RunDigest.Of(Run([0.5]), "test_acc", columns);

        Assert.Same(columns, digest.Columns);
    }

    [Fact]
    public void Of_OneRow_FirstAndLastAreThatRow()
    {
        var digest = RunDigest.Of(Run([0.25]), "test_acc");

        Assert.Equal(1, digest.Count);
        Assert.Equal(0, digest.FirstEpoch);
        Assert.Equal(0, digest.LastEpoch);
        Assert.Equal([1.0, 0.25], digest.First);
        Assert.Equal([1.0, 0.25], digest.Last);
    }

    [Fact]
    public void Of_LogWithNoRows_HasNoEpochsAndEmptyRows()
    {
        // A log emptied after holding rows: its storage still holds them, the digest must not.
        var log = new RunLog(["train_loss", "test_acc"], 2);
        log.Append(7).Fill(0.5);
        log.Append(8).Fill(0.5);
        log.Clear();

        var digest = RunDigest.Of(new RunResult(Key, log, null), "test_acc");

        Assert.Equal(0, digest.Count);
        Assert.Equal(0, digest.FirstEpoch);
        Assert.Equal(0, digest.LastEpoch);
        Assert.Empty(digest.First);
        Assert.Empty(digest.Last);
        Assert.Equal([null, null], digest.ThresholdEpochs);
    }

    [Fact]
    public void Of_DivergedRun_KeepsTheDivergingEpoch()
    {
        var digest = RunDigest.Of(Run([0.5, 0.5], divergedAt: 5), "test_acc");

        Assert.Equal(5, digest.DivergedAt);
        Assert.True(digest.Diverged);
    }

    [Fact]
    public void Diverged_RunThatDidNotDiverge_IsFalse()
    {
        var digest = RunDigest.Of(Run([0.5]), "test_acc");

        Assert.Null(digest.DivergedAt);
        Assert.False(digest.Diverged);
    }

    [Fact]
    public void Of_NullRun_Throws() => Assert.Throws<ArgumentNullException>(() => RunDigest.Of(null!, "test_acc"));

    [Fact]
    public void HasColumn_EachLoggedMetric_IsTrueAndOthersFalse()
    {
        var digest = RunDigest.Of(Run([0.5]), "test_acc");

        Assert.True(digest.HasColumn("train_loss"));
        Assert.True(digest.HasColumn("test_acc"));
        Assert.False(digest.HasColumn("TEST_ACC"));
        Assert.False(digest.HasColumn("grad_norm"));
    }

    [Fact]
    public void InitialAndFinal_Metric_AreItsFirstAndLastLoggedValues()
    {
        var digest = RunDigest.Of(Run([0.5, 0.6, 0.75]), "test_acc");

        Assert.Equal(1.0, digest.Initial("train_loss"));
        Assert.Equal(0.5, digest.Initial("test_acc"));
        Assert.Equal(1.0 / 3, digest.Final("train_loss"));
        Assert.Equal(0.75, digest.Final("test_acc"));
    }

    [Fact]
    public void InitialAndFinal_UnknownMetric_ThrowNamingTheRecordedOnes()
    {
        var digest = RunDigest.Of(Run([0.5]), "test_acc");

        Assert.Equal("unknown metric 'loss'; recorded: train_loss, test_acc", Assert.Throws<KeyNotFoundException>(() => digest.Initial("loss")).Message);
        Assert.Equal("unknown metric 'loss'; recorded: train_loss, test_acc", Assert.Throws<KeyNotFoundException>(() => digest.Final("loss")).Message);
    }

    [Fact]
    public void InitialAndFinal_RunThatLoggedNothing_ThrowNamingTheRun()
    {
        var digest = RunDigest.Of(new RunResult(Key, new RunLog(["train_loss"], 0), null), "test_acc");

        Assert.Equal("run tanh_xavier_s0p5_seed2 logged no epochs", Assert.Throws<InvalidOperationException>(() => digest.Initial("train_loss")).Message);
        Assert.Equal("run tanh_xavier_s0p5_seed2 logged no epochs", Assert.Throws<InvalidOperationException>(() => digest.Final("train_loss")).Message);
        Assert.Throws<KeyNotFoundException>(() => digest.Final("test_acc"));
    }

    [Fact]
    public void Of_LogStartingAfterEpochZero_KeepsItsOwnFirstEpoch()
    {
        var log = new RunLog(["train_loss"], 2);
        log.Append(7)[0] = 0.5;
        log.Append(9)[0] = 0.25;

        var digest = RunDigest.Of(new RunResult(Key, log, null), "test_acc");

        Assert.Equal(7, digest.FirstEpoch);
        Assert.Equal(9, digest.LastEpoch);
    }
}
