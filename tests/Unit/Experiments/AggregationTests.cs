using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>
/// Summarize against a recomputation here: per epoch and metric, the mean over the seeds that did not
/// diverge (summed in seed order, then divided) and the population standard deviation (np.std, ddof 0)
/// from a second pass over the deviations.
/// </summary>
public sealed class AggregationTests
{
    private static readonly SettingKey Setting = new("tanh", "xavier", 0.5);
    private static readonly string[] Columns = ["train_loss", "train_acc"];

    private static RunResult Run(int seed, double[][] rows, int[]? epochs = null, int? divergedAt = null, string[]? columns = null)
    {
        var log = new RunLog(columns ?? Columns, rows.Length);
        for (int r = 0; r < rows.Length; r++) rows[r].CopyTo(log.Append(epochs?[r] ?? r * 10));
        return new RunResult(Setting.WithSeed(seed), log, divergedAt);
    }

    // Three seeds, two epochs, two metrics; values chosen so that the order of the sum shows in the last bit.
    private static readonly double[][][] Values =
    [
        [[0.1, 0.5], [0.7, 0.25]],
        [[0.2, 0.75], [0.3, 0.5]],
        [[0.3, 1.0], [1e-17, 0.125]],
    ];

    private static (double Mean, double Std) Reference(IReadOnlyList<double> xs)
    {
        double sum = 0;
        foreach (double x in xs) sum += x;
        double mean = sum / xs.Count, squares = 0;
        foreach (double x in xs) squares += (x - mean) * (x - mean);
        return (mean, Math.Sqrt(squares / xs.Count));
    }

    [Fact]
    public void Summarize_ThreeSeeds_MeanAndPopulationStdOfEveryCellBitForBit()
    {
        var runs = Values.Select((v, s) => Run(s, v)).ToArray();

        var summary = Aggregation.Summarize(Setting, runs);

        Assert.Equal(Setting, summary.Setting);
        Assert.Equal(Columns, summary.Metrics);
        Assert.Equal([0, 10], summary.Epochs);
        Assert.Equal(3, summary.SeedCount);
        Assert.Equal(0, summary.DivergedCount);
        for (int c = 0; c < 2; c++)
            for (int r = 0; r < 2; r++)
            {
                var (mean, std) = Reference(Values.Select(v => v[r][c]).ToArray());
                Assert.Equal(mean, summary.Mean[c][r]);
                Assert.Equal(std, summary.Std[c][r]);
            }
    }

    [Fact]
    public void Summarize_KnownColumn_HasTheMeanOfTheHandComputedValues()
    {
        var summary = Aggregation.Summarize(Setting, Values.Select((v, s) => Run(s, v)));

        Assert.Equal(0.75, summary.MeanOf("train_acc")[0]); // (0.5 + 0.75 + 1) / 3
        Assert.Equal(Math.Sqrt(0.125 / 3), summary.StdOf("train_acc")[0], 15); // deviations −0.25, 0, 0.25
    }

    [Fact]
    public void Summarize_OneSeed_MeanIsItsValuesAndStdIsZero()
    {
        var summary = Aggregation.Summarize(Setting, [Run(4, [[0.3, 0.6], [0.2, 0.9]])]);

        Assert.Equal([0.3, 0.2], summary.Mean[0]);
        Assert.Equal([0.6, 0.9], summary.Mean[1]);
        Assert.Equal([0.0, 0.0], summary.Std[0]);
        Assert.Equal([0.0, 0.0], summary.Std[1]);
        Assert.Equal(1, summary.SeedCount);
    }

    [Fact]
    public void Summarize_DivergedSeeds_AreCountedButNotAveraged()
    {
        // The diverged seed comes first, has other epochs and rows: none of it reaches the summary.
        var diverged = Run(0, [[double.PositiveInfinity, 0.0]], epochs: [0], divergedAt: 0);
        var runs = new[] { diverged, Run(1, Values[0]), Run(2, Values[1]), Run(3, Values[2], divergedAt: 1) };

        var summary = Aggregation.Summarize(Setting, runs);

        Assert.Equal(2, summary.SeedCount);
        Assert.Equal(2, summary.DivergedCount);
        Assert.Equal([0, 10], summary.Epochs);
        Assert.Equal(Columns, summary.Metrics);
        var (mean, std) = Reference([Values[0][1][0], Values[1][1][0]]);
        Assert.Equal(mean, summary.Mean[0][1]);
        Assert.Equal(std, summary.Std[0][1]);
        Assert.All(summary.Mean.SelectMany(c => c), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Summarize_EverySeedDiverged_GivesEmptyColumnsOfTheFirstRunsMetrics()
    {
        var runs = new[] { Run(0, Values[0], divergedAt: 1), Run(1, Values[1], divergedAt: 0) };

        var summary = Aggregation.Summarize(Setting, runs);

        Assert.Equal(Columns, summary.Metrics);
        Assert.Empty(summary.Epochs);
        Assert.Equal(2, summary.Mean.Length);
        Assert.Equal(2, summary.Std.Length);
        Assert.All(summary.Mean, Assert.Empty);
        Assert.All(summary.Std, Assert.Empty);
        Assert.Equal(0, summary.SeedCount);
        Assert.Equal(2, summary.DivergedCount);
    }

    [Fact]
    public void Summarize_NoRuns_NamesTheSetting()
    {
        var e = Assert.Throws<ArgumentException>(() => Aggregation.Summarize(Setting, []));

        Assert.Equal("no runs for tanh_xavier_s0p5", e.Message);
    }

    [Fact]
    public void Summarize_NullRuns_Throws() => Assert.Throws<ArgumentNullException>(() => Aggregation.Summarize(Setting, null!));

    [Fact]
    public void Summarize_SeedWithFewerEpochs_NamesItsRunAndColumns()
    {
        var runs = new[] { Run(0, Values[0]), Run(1, [[0.1, 0.2]]) };

        var e = Assert.Throws<InvalidDataException>(() => Aggregation.Summarize(Setting, runs));

        Assert.Equal("run tanh_xavier_s0p5_seed1 recorded 1 epochs of [train_loss,train_acc], unlike the other seeds of tanh_xavier_s0p5", e.Message);
    }

    [Fact]
    public void Summarize_SeedWithOtherColumns_IsRefused()
    {
        var runs = new[] { Run(0, Values[0]), Run(1, Values[1], columns: ["train_loss", "test_acc"]) };

        var e = Assert.Throws<InvalidDataException>(() => Aggregation.Summarize(Setting, runs));

        Assert.Contains("[train_loss,test_acc]", e.Message);
    }

    [Fact]
    public void Summarize_StreamedRuns_AreEnumeratedOnceForTheMeanAndOnceForTheSpread()
    {
        int enumerations = 0;
        IEnumerable<RunResult> Stream()
        {
            enumerations++;
            for (int s = 0; s < Values.Length; s++) yield return Run(s, Values[s]);
        }

        var summary = Aggregation.Summarize(Setting, Stream());

        Assert.Equal(2, enumerations);
        Assert.Equal(Reference(Values.Select(v => v[0][1]).ToArray()).Std, summary.Std[1][0]);
    }

    [Fact]
    public void MeanOf_UnknownMetric_NamesTheRecordedOnes()
    {
        var summary = Aggregation.Summarize(Setting, [Run(0, Values[0])]);

        var e = Assert.Throws<KeyNotFoundException>(() => summary.MeanOf("test_acc"));

        Assert.Equal("unknown metric 'test_acc'; recorded: train_loss, train_acc", e.Message);
        Assert.Throws<KeyNotFoundException>(() => summary.StdOf("grad_norm"));
    }
}
