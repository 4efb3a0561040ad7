using GradFlow.Experiments;
using GradFlow.Metrics;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class SweepStatisticsTests
{
    private static readonly AblationSpec Spec = Presets.Paper with { Activations = ["relu", "tanh"], Scales = [1.0], Seeds = [0, 1, 2, 3], Epochs = 3 };

    // test_acc per epoch 0..2; relu reaches 0.9 at epoch 1 on every seed, tanh never gets to 0.85.
    private static RunResult Run(string activation, System.Numerics.BigInteger seed, double[] testAcc)
    {
        var log = new RunLog(["train_acc", "test_acc"], testAcc.Length);
        for (int e = 0; e < testAcc.Length; e++)
        {
            var row = log.Append(e);
            row[0] = testAcc[e];
            row[1] = testAcc[e];
        }
        return new RunResult(new SettingKey(activation, "xavier", 1.0).WithSeed(seed), log, null);
    }

    private static SweepStats Stats() => SweepStatistics.Compute(Spec,
    [
        .. Spec.Seeds.Select(s => Run("relu", s, [0.5, 0.9, 0.95 + 0.01 * (double)s])),
        .. Spec.Seeds.Select(s => Run("tanh", s, [0.5, 0.6, 0.7 + 0.01 * (double)s])),
    ]);

    // stats.csv's rows: what the file holds.
    private static IReadOnlyList<StatRow> Compute() => Stats().Rows();

    private static double Value(IReadOnlyList<StatRow> rows, string activation, string statistic, string other = "") =>
        Assert.Single(rows, r => r.Activation == activation && r.Other == other && r.Statistic == statistic).Value;

    [Fact]
    public void Compute_SeparatedSettings_TimeToThresholdCountsNeverAndMedian()
    {
        var rows = Compute();

        Assert.Equal(0, Value(rows, "relu", "tta_0.85_never"));
        Assert.Equal(1, Value(rows, "relu", "tta_0.85_median"));
        Assert.Equal(4, Value(rows, "tanh", "tta_0.9_never"));
        Assert.True(double.IsNaN(Value(rows, "tanh", "tta_0.9_median")));
        Assert.Equal(3, Value(rows, "tanh", "tta_0.9_median_budget")); // never counts as the 3-epoch budget
    }

    [Fact]
    public void Compute_DivergedRuns_AreLeftOutOfTimeToThresholdToo()
    {
        // tanh seed 3 reaches 0.9 at epoch 0, then diverges at epoch 1: counted, never timed (nor averaged).
        var finished = Run("tanh", 3, [0.95, 0.3]);
        var diverged = new RunResult(finished.Key, finished.Log, 1);
        var stats = SweepStatistics.Compute(Spec,
        [
            .. Spec.Seeds.Select(s => Run("relu", s, [0.5, 0.9, 0.95])),
            .. Spec.Seeds.Take(3).Select(s => Run("tanh", s, [0.5, 0.6, 0.7])),
            diverged,
        ]).Rows();

        // Three runs timed, none reaching 0.9: the diverged one's early 0.95 is not a time to threshold.
        Assert.Equal(3, Value(stats, "tanh", "tta_0.9_never"));
        Assert.True(double.IsNaN(Value(stats, "tanh", "tta_0.9_median")));
    }

    [Fact]
    public void Compute_EveryReluFinalAboveEveryTanh_UIsMaximalAndEffectIsOne()
    {
        var rows = Compute();

        Assert.Equal(16, Value(rows, "relu", "mannwhitney_u", "tanh"));
        Assert.Equal(1, Value(rows, "relu", "rank_biserial", "tanh"));
        Assert.InRange(Value(rows, "relu", "mannwhitney_p", "tanh"), 0, 0.05);
        Assert.All(rows, r => Assert.Equal("test_acc", r.Metric));
    }

    [Fact]
    public void Compute_FinalInterval_BracketsTheMeanOfTheFinalValues()
    {
        var rows = Compute();

        double mean = (0.95 + 0.96 + 0.97 + 0.98) / 4;
        Assert.Equal(mean, Value(rows, "relu", "final_mean"), 12);
        Assert.InRange(mean, Value(rows, "relu", "final_ci95_low"), Value(rows, "relu", "final_ci95_high"));
        Assert.True(Value(rows, "relu", "final_ci95_low") >= 0.95 && Value(rows, "relu", "final_ci95_high") <= 0.98);
    }

    [Fact]
    public void Compute_Records_MatchTheirSerialisedRows()
    {
        var stats = Stats();
        var rows = stats.Rows();
        var relu = stats.Of(new SettingKey("relu", "xavier", 1.0));

        Assert.Equal(Value(rows, "relu", "tta_0.85_median"), relu.At(0.85).Median);
        Assert.Equal(Value(rows, "relu", "final_ci95_low"), relu.Final!.Low);
        var pair = Assert.Single(stats.Pairs);
        Assert.Same(pair, stats.Pair("tanh", "relu", 1.0));
        Assert.Equal(Value(rows, "relu", "mannwhitney_p", "tanh"), pair.P);
        // per setting 3 rows per threshold + 3 of the interval, then 3 per pair
        Assert.Equal(2 * (3 * SweepStatistics.Thresholds.Count + 3) + 3, rows.Count);
    }

    [Fact]
    public void FromRows_RowsOfASweep_ReadBackAsEqualRecords()
    {
        var stats = Stats();

        var back = SweepStats.FromRows(stats.Rows(), "stats.csv");

        Assert.Equal(stats.Metric, back.Metric);
        Assert.Equal(stats.Pairs, back.Pairs);
        Assert.Equal(stats.Settings.Count, back.Settings.Count);
        for (int i = 0; i < stats.Settings.Count; i++)
        {
            Assert.Equal(stats.Settings[i].Setting, back.Settings[i].Setting);
            Assert.Equal(stats.Settings[i].TimeToThreshold, back.Settings[i].TimeToThreshold);
            Assert.Equal(stats.Settings[i].Final, back.Settings[i].Final);
        }
        Assert.Equal(stats.Rows(), back.Rows());
    }

    [Fact]
    public void FromRows_UnknownStatistic_OneLineNamingTheFile()
    {
        var e = Assert.Throws<InvalidDataException>(() => SweepStats.FromRows([new StatRow("xavier", 1.0, "relu", "", "test_acc", "tta_median", 3)], "x/stats.csv"));

        Assert.StartsWith("x/stats.csv: unknown statistic", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
