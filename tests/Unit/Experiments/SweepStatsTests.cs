using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>SweepStats' look-ups, its long-format rows (stats.csv) and their reading back, on records written here.</summary>
public sealed class SweepStatsTests
{
    private static readonly SettingKey Relu = new("relu", "xavier", 1.0);
    private static readonly SettingKey Tanh = new("tanh", "xavier", 1.0);

    private static readonly SweepStats Stats = new("test_acc",
    [
        new SettingStatistics(Relu, [new ThresholdTime(0.85, 1, 12, 14), new ThresholdTime(0.9, 2, 20, 25.5)], new MeanInterval(0.93, 0.91, 0.95)),
        new SettingStatistics(Tanh, [new ThresholdTime(0.85, 4, double.NaN, 3000)], null),
    ],
    [
        new PairwiseTest("xavier", 1.0, "relu", "tanh", 16, 0.03, 1),
        new PairwiseTest("xavier", 2.0, "relu", "tanh", 4, 0.5, -0.5),
    ]);

    [Fact]
    public void Of_KnownSetting_IsItsStatistics() => Assert.Same(Stats.Settings[1], Stats.Of(Tanh));

    [Fact]
    public void Of_UnknownSetting_NamesIt()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Stats.Of(new SettingKey("gelu", "he", 2.0)));

        Assert.Equal("no statistics for gelu_he_s2", e.Message);
    }

    [Fact]
    public void Pair_InEitherOrder_IsTheTestAtThatScale()
    {
        Assert.Same(Stats.Pairs[0], Stats.Pair("relu", "tanh", 1.0));
        Assert.Same(Stats.Pairs[0], Stats.Pair("tanh", "relu", 1.0));
        Assert.Same(Stats.Pairs[1], Stats.Pair("tanh", "relu", 2.0));
    }

    [Fact]
    public void Pair_OtherScaleRateOrActivation_IsNull()
    {
        Assert.Null(Stats.Pair("relu", "tanh", 0.5));
        Assert.Null(Stats.Pair("relu", "tanh", 1.0, 0.05));
        Assert.Null(Stats.Pair("relu", "gelu", 1.0));
        Assert.Null(Stats.Pair("relu", "relu", 1.0));
    }

    [Fact]
    public void Pair_MultiRate_MatchesOnTheRate()
    {
        var stats = Stats with
        {
            Pairs = [new PairwiseTest("xavier", 1.0, "relu", "tanh", 1, 0.1, 0.2, 0.5), new PairwiseTest("xavier", 1.0, "relu", "tanh", 2, 0.2, 0.4, 2.0)],
        };

        Assert.Same(stats.Pairs[1], stats.Pair("tanh", "relu", 1.0, 2.0));
        Assert.Same(stats.Pairs[0], stats.Pair("relu", "tanh", 1.0, 0.5));
        Assert.Null(stats.Pair("relu", "tanh", 1.0));
    }

    [Fact]
    public void Rows_PerSettingThresholdsThenIntervalThenPairs_InOrder()
    {
        StatRow S(string act, string stat, double v) => new("xavier", 1.0, act, "", "test_acc", stat, v);
        StatRow P(double scale, string stat, double v) => new("xavier", scale, "relu", "tanh", "test_acc", stat, v);
        StatRow[] expected =
        [
            S("relu", "tta_0.85_never", 1), S("relu", "tta_0.85_median", 12), S("relu", "tta_0.85_median_budget", 14),
            S("relu", "tta_0.9_never", 2), S("relu", "tta_0.9_median", 20), S("relu", "tta_0.9_median_budget", 25.5),
            S("relu", "final_mean", 0.93), S("relu", "final_ci95_low", 0.91), S("relu", "final_ci95_high", 0.95),
            S("tanh", "tta_0.85_never", 4), S("tanh", "tta_0.85_median", double.NaN), S("tanh", "tta_0.85_median_budget", 3000),
            P(1.0, "mannwhitney_u", 16), P(1.0, "mannwhitney_p", 0.03), P(1.0, "rank_biserial", 1),
            P(2.0, "mannwhitney_u", 4), P(2.0, "mannwhitney_p", 0.5), P(2.0, "rank_biserial", -0.5),
        ];

        Assert.Equal(expected, Stats.Rows());
    }

    [Fact]
    public void Rows_MultiRateSettingsAndPairs_CarryTheirRate()
    {
        var stats = new SweepStats("train_acc",
            [new SettingStatistics(Relu with { LearningRate = 0.5 }, [], new MeanInterval(1, 1, 1))],
            [new PairwiseTest("he", 2.0, "relu", "tanh", 1, 0.1, 0.2, 0.5)]);

        var rows = stats.Rows();

        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(0.5, r.LearningRate));
        Assert.All(rows, r => Assert.Equal("train_acc", r.Metric));
        Assert.Equal(new StatRow("he", 2.0, "relu", "tanh", "train_acc", "rank_biserial", 0.2, 0.5), rows[^1]);
    }

    [Fact]
    public void FromRows_Rows_ReadBackAsTheSameRecords()
    {
        var back = SweepStats.FromRows(Stats.Rows(), "stats.csv");

        Assert.Equal("test_acc", back.Metric);
        Assert.Equal(Stats.Pairs, back.Pairs);
        Assert.Equal(2, back.Settings.Count);
        Assert.Equal(Relu, back.Settings[0].Setting);
        Assert.Equal(Stats.Settings[0].TimeToThreshold, back.Settings[0].TimeToThreshold);
        Assert.Equal(new MeanInterval(0.93, 0.91, 0.95), back.Settings[0].Final);
        Assert.Equal(Tanh, back.Settings[1].Setting);
        Assert.Null(back.Settings[1].Final);
        var t = Assert.Single(back.Settings[1].TimeToThreshold);
        Assert.Equal(4, t.Never);
        Assert.True(double.IsNaN(t.Median));
        Assert.Equal(3000, t.MedianWithBudget);
    }

    [Fact]
    public void FromRows_NoRows_IsEmpty()
    {
        var back = SweepStats.FromRows([], "stats.csv");

        Assert.Equal("", back.Metric);
        Assert.Empty(back.Settings);
        Assert.Empty(back.Pairs);
    }

    [Fact]
    public void FromRows_PartsOfAThresholdInAnyOrder_MakeOneTime()
    {
        StatRow[] rows =
        [
            new("xavier", 1.0, "relu", "", "test_acc", "tta_0.85_median_budget", 7),
            new("xavier", 1.0, "relu", "", "test_acc", "tta_0.9_never", 3),
            new("xavier", 1.0, "relu", "", "test_acc", "tta_0.85_never", 2),
            new("xavier", 1.0, "relu", "", "test_acc", "tta_0.85_median", 5),
        ];

        var times = Assert.Single(SweepStats.FromRows(rows, "s").Settings).TimeToThreshold;

        Assert.Equal([new ThresholdTime(0.85, 2, 5, 7), new ThresholdTime(0.9, 3, double.NaN, double.NaN)], times);
    }

    [Fact]
    public void FromRows_PartOfAnInterval_LeavesTheOthersNaN()
    {
        var final = Assert.Single(SweepStats.FromRows([new StatRow("xavier", 1.0, "relu", "", "test_acc", "final_ci95_high", 0.9)], "s").Settings).Final;

        Assert.NotNull(final);
        Assert.True(double.IsNaN(final.Mean) && double.IsNaN(final.Low));
        Assert.Equal(0.9, final.High);
    }

    [Fact]
    public void FromRows_PartOfAPair_LeavesTheOthersNaN()
    {
        var pair = Assert.Single(SweepStats.FromRows([new StatRow("xavier", 0.5, "relu", "tanh", "test_acc", "mannwhitney_p", 0.2, 1.0)], "s").Pairs);

        Assert.Equal(new PairwiseTest("xavier", 0.5, "relu", "tanh", double.NaN, 0.2, double.NaN, 1.0), pair);
    }

    [Fact]
    public void FromRows_SettingsOfTwoRates_StayApart()
    {
        StatRow[] rows =
        [
            new("xavier", 1.0, "relu", "", "test_acc", "final_mean", 0.1, 0.5),
            new("xavier", 1.0, "relu", "", "test_acc", "final_mean", 0.2, 2.0),
        ];

        var settings = SweepStats.FromRows(rows, "s").Settings;

        Assert.Equal([Relu with { LearningRate = 0.5 }, Relu with { LearningRate = 2.0 }], settings.Select(s => s.Setting));
        Assert.Equal([0.1, 0.2], settings.Select(s => s.Final!.Mean));
    }

    [Fact]
    public void FromRows_MetricChangingMidway_NamesTheFileTheRowAndBothMetrics()
    {
        StatRow[] rows = [new("xavier", 1.0, "relu", "", "test_acc", "final_mean", 1), new("he", 0.5, "tanh", "", "train_acc", "final_mean", 1)];

        var e = Assert.Throws<InvalidDataException>(() => SweepStats.FromRows(rows, "r/stats.csv"));

        Assert.Equal("r/stats.csv: metric 'train_acc' differs from 'test_acc' of the first row (tanh, he, scale 0.5, final_mean); expected a stats.csv written by GradFlow", e.Message);
    }

    [Fact]
    public void FromRows_UnknownPairStatistic_NamesBothActivations()
    {
        var e = Assert.Throws<InvalidDataException>(() => SweepStats.FromRows([new StatRow("xavier", 2.0, "relu", "tanh", "test_acc", "t_test", 1)], "r/stats.csv"));

        Assert.Equal("r/stats.csv: unknown pairwise statistic (relu vs tanh, xavier, scale 2, t_test); expected a stats.csv written by GradFlow", e.Message);
    }

    [Theory]
    [InlineData("tta_0.85")]
    [InlineData("tta_never")]
    [InlineData("tta__median")]
    [InlineData("tta_x_median")]
    [InlineData("ttb_0.85_median")]
    [InlineData("tta_0.85_mean")]
    [InlineData("median")]
    public void FromRows_MalformedThresholdStatistic_IsUnknown(string statistic)
    {
        var e = Assert.Throws<InvalidDataException>(() => SweepStats.FromRows([new StatRow("xavier", 1.0, "relu", "", "test_acc", statistic, 1)], "f"));

        Assert.Equal($"f: unknown statistic (relu, xavier, scale 1, {statistic}); expected a stats.csv written by GradFlow", e.Message);
    }

    [Fact]
    public void At_ComputedThreshold_IsItsTime() => Assert.Same(Stats.Settings[0].TimeToThreshold[1], Stats.Of(Relu).At(0.9));

    [Fact]
    public void At_ThresholdNotComputed_NamesItAndTheSetting()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Stats.Of(Tanh).At(0.9));

        Assert.Equal("no time to threshold 0.9 for tanh_xavier_s1", e.Message);
    }
}
