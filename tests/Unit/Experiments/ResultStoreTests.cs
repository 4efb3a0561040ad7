using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class ResultStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gradflow-store-").FullName;
    private readonly ResultStore _store;
    private static readonly SettingKey Setting = new("relu", "xavier", 0.5);
    private static readonly RunKey Key = Setting.WithSeed(3);

    public ResultStoreTests() => _store = new ResultStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string RunFile => Path.Combine(_root, "runs", "relu_xavier_s0p5_seed3.csv");

    private void WriteRunFile(string text)
    {
        Directory.CreateDirectory(Path.Combine(_root, "runs"));
        File.WriteAllText(RunFile, text);
    }

    private static RunResult Run(string[] columns, (int Epoch, double[] Values)[] rows, int? divergedAt = null)
    {
        var log = new RunLog(columns, rows.Length);
        foreach (var (epoch, values) in rows) values.CopyTo(log.Append(epoch));
        return new RunResult(Key, log, divergedAt);
    }

    private static void AssertRows(RunResult run, string[] columns, (int Epoch, double[] Values)[] rows, int? divergedAt)
    {
        Assert.Equal(columns, run.Log.Columns);
        Assert.Equal(rows.Select(r => r.Epoch), run.Log.Epochs.ToArray());
        for (int r = 0; r < rows.Length; r++) Assert.Equal(rows[r].Values, run.Log.Row(r).ToArray());
        Assert.Equal(divergedAt, run.DivergedAt);
    }

    // ---- paths ----

    [Fact]
    public void Paths_Store_AreTheFilesOfTheFormatUnderItsRoot()
    {
        Assert.Equal(_root, _store.Root);
        Assert.Equal(Path.Combine(_root, "runs"), _store.RunsDirectory);
        Assert.Equal(Path.Combine(_root, "summary"), _store.SummaryDirectory);
        Assert.Equal(Path.Combine(_root, "plots"), _store.PlotsDirectory);
        Assert.Equal(Path.Combine(_root, "final.csv"), _store.FinalPath);
        Assert.Equal(Path.Combine(_root, "stats.csv"), _store.StatsPath);
        Assert.Equal(Path.Combine(_root, "manifest.json"), _store.ManifestPath);
        Assert.Equal(Path.Combine(_root, "report.md"), _store.ReportPath);
        Assert.Equal(RunFile, _store.RunPath(Key));
        Assert.Equal(Path.Combine(_root, "summary", "relu_xavier_s0p5.csv"), _store.SummaryPath(Setting));
        Assert.Equal("diverged_at", ResultStore.DivergedColumn);
    }

    [Fact]
    public void Root_RelativeFolder_IsMadeAbsolute()
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, _root);

        Assert.Equal(_root, new ResultStore(relative).Root);
    }

    // ---- run files ----

    [Fact]
    public void HasRun_BeforeAndAfterWriting_SaysWhetherItsFileExists()
    {
        Assert.False(_store.HasRun(Key));

        _store.WriteRun(Run(["train_loss"], [(0, [1.0])]));

        Assert.True(_store.HasRun(Key));
        Assert.False(_store.HasRun(Setting.WithSeed(4)));
    }

    [Fact]
    public void WriteRun_RunThatDidNotDiverge_WritesEpochMetricsAndAnEmptyDivergedColumn()
    {
        _store.WriteRun(Run(["train_loss", "test_acc"], [(0, [0.5, 0.25]), (10, [0.1, 1.0])]));

        Assert.Equal("epoch,train_loss,test_acc,diverged_at\n0,0.5,0.25,\n10,0.1,1,\n", File.ReadAllText(RunFile));
        Assert.Equal([RunFile], Directory.GetFiles(Path.Combine(_root, "runs")));
    }

    [Fact]
    public void WriteRun_DivergedRun_WritesTheDivergingEpochOnEveryRow()
    {
        _store.WriteRun(Run(["train_loss"], [(0, [double.NaN]), (1, [double.NegativeInfinity]), (2, [1e-300])], divergedAt: 2));

        Assert.Equal("epoch,train_loss,diverged_at\n0,NaN,2\n1,-Infinity,2\n2,1E-300,2\n", File.ReadAllText(RunFile));
    }

    [Fact]
    public void WriteRun_NoRows_WritesTheHeaderOnly()
    {
        _store.WriteRun(Run(["train_loss", "test_loss"], []));

        Assert.Equal("epoch,train_loss,test_loss,diverged_at\n", File.ReadAllText(RunFile));
    }

    [Fact]
    public void WriteRun_Again_ReplacesTheFile()
    {
        _store.WriteRun(Run(["a"], [(0, [1.0]), (1, [2.0])]));

        _store.WriteRun(Run(["a"], [(0, [3.0])]));

        Assert.Equal("epoch,a,diverged_at\n0,3,\n", File.ReadAllText(RunFile));
    }

    [Fact]
    public void ReadRun_PlainFile_GivesItsEpochsValuesAndNoDivergence()
    {
        WriteRunFile("epoch,train_loss,test_acc,diverged_at\n0,0.5,0.25,\n5,0.125,1,\n");

        var run = _store.ReadRun(Key);

        Assert.Equal(Key, run.Key);
        AssertRows(run, ["train_loss", "test_acc"], [(0, [0.5, 0.25]), (5, [0.125, 1.0])], null);
    }

    [Fact]
    public void ReadRun_PlainDivergedFile_GivesItsDivergingEpoch()
    {
        WriteRunFile("epoch,a,diverged_at\n0,1,1\n1,NaN,1\n");

        var run = _store.ReadRun(Key);

        AssertRows(run, ["a"], [(0, [1.0]), (1, [double.NaN])], 1);
    }

    [Fact]
    public void ReadRun_PlainFileWithoutTrailingNewLine_ReadsEveryRow()
    {
        WriteRunFile("epoch,a,diverged_at\n0,1,\n1,2,");

        AssertRows(_store.ReadRun(Key), ["a"], [(0, [1.0]), (1, [2.0])], null);
    }

    [Fact]
    public void ReadRun_HeaderOnly_GivesARunWithNoRows()
    {
        WriteRunFile("epoch,a,b,diverged_at\n");

        AssertRows(_store.ReadRun(Key), ["a", "b"], [], null);
    }

    [Fact]
    public void ReadRun_WrittenRun_GivesBackEveryBit()
    {
        double[] values = [1.0 / 3, double.Epsilon, -0.0, double.MaxValue, double.PositiveInfinity];
        _store.WriteRun(Run(["a", "b", "c", "d", "e"], [(0, values), (3, [.. values.Reverse()])], divergedAt: 3));

        var run = _store.ReadRun(Key);

        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), run.Log.Row(0).ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(values.Reverse().Select(BitConverter.DoubleToInt64Bits), run.Log.Row(1).ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(3, run.DivergedAt);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void ReadRun_OtherLineEndsAndPaddedFields_ReadsTheSameRun(string lineEnd)
    {
        WriteRunFile(string.Join(lineEnd, "epoch , a , b , diverged_at", " 0 , 0.5 , 2 , ", "7,0.25,NaN,7") + lineEnd);

        AssertRows(_store.ReadRun(Key), ["a", "b"], [(0, [0.5, 2.0]), (7, [0.25, double.NaN])], 7);
    }

    [Fact]
    public void ReadRun_QuotedFields_ReadsTheSameRun()
    {
        WriteRunFile("\"epoch\",\"a\",\"diverged_at\"\n\"0\",\"0.5\",\"\"\n");

        AssertRows(_store.ReadRun(Key), ["a"], [(0, [0.5])], null);
    }

    [Fact]
    public void ReadRun_PlainFileIntoAFittingLog_ClearsAndFillsThatLog()
    {
        var reuse = new RunLog(["a"], 3);
        reuse.Append(9)[0] = 9;
        reuse.Append(10)[0] = 10;
        reuse.Append(11)[0] = 11;
        WriteRunFile("epoch,a,diverged_at\n0,1,\n1,2,\n");

        var run = _store.ReadRun(Key, reuse);

        Assert.Same(reuse, run.Log);
        AssertRows(run, ["a"], [(0, [1.0]), (1, [2.0])], null);
    }

    [Fact]
    public void ReadRun_PlainFileIntoALogOfExactlyItsRows_FillsThatLog()
    {
        var reuse = new RunLog(["a", "b"], 2);
        WriteRunFile("epoch,a,b,diverged_at\n0,1,2,\n1,3,4,\n");

        var run = _store.ReadRun(Key, reuse);

        Assert.Same(reuse, run.Log);
        AssertRows(run, ["a", "b"], [(0, [1.0, 2.0]), (1, [3.0, 4.0])], null);
    }

    [Fact]
    public void ReadRun_PlainFileWithNoMetricsIntoAFittingLog_FillsThatLog()
    {
        var reuse = new RunLog([], 1);
        WriteRunFile("epoch,diverged_at\n4,\n");

        var run = _store.ReadRun(Key, reuse);

        Assert.Same(reuse, run.Log);
        Assert.Equal([4], run.Log.Epochs.ToArray());
    }

    [Fact]
    public void ReadRun_PlainFileIntoATooSmallLog_ReadsIntoANewOne()
    {
        var reuse = new RunLog(["a"], 1);
        WriteRunFile("epoch,a,diverged_at\n0,1,\n1,2,\n");

        var run = _store.ReadRun(Key, reuse);

        Assert.NotSame(reuse, run.Log);
        AssertRows(run, ["a"], [(0, [1.0]), (1, [2.0])], null);
    }

    [Fact]
    public void ReadRun_PlainFileIntoALogOfOtherColumns_ReadsIntoANewOne()
    {
        var reuse = new RunLog(["b"], 5);
        WriteRunFile("epoch,a,diverged_at\n0,1,\n");

        var run = _store.ReadRun(Key, reuse);

        Assert.NotSame(reuse, run.Log);
        AssertRows(run, ["a"], [(0, [1.0])], null);
    }

    [Fact]
    public void ReadRun_FileNotAsGradFlowWritesIt_IsReadIntoANewLog()
    {
        var reuse = new RunLog(["a"], 5);
        WriteRunFile("epoch,a,diverged_at\r\n0,1,\r\n");

        var run = _store.ReadRun(Key, reuse);

        Assert.NotSame(reuse, run.Log);
        AssertRows(run, ["a"], [(0, [1.0])], null);
    }

    [Fact]
    public void ReadRun_PaddedFileWithNoMetrics_ReadsItsEpochs()
    {
        WriteRunFile("epoch , diverged_at\r\n3 , \r\n");

        var run = _store.ReadRun(Key);

        Assert.Empty(run.Log.Columns);
        Assert.Equal([3], run.Log.Epochs.ToArray());
    }

    [Fact]
    public void ReadRun_MissingFile_Throws() => Assert.Throws<DirectoryNotFoundException>(() => _store.ReadRun(Key));

    [Fact]
    public void ReadRun_EmptyFile_ThrowsNamingTheFileAndTheHeaderExpected()
    {
        WriteRunFile("");

        var e = Assert.Throws<InvalidDataException>(() => _store.ReadRun(Key));

        Assert.Equal($"{RunFile}: empty run file; expected a header epoch,<metrics>,diverged_at", e.Message);
    }

    [Theory]
    [InlineData("time,a,diverged_at\n0,1,\n")]
    [InlineData("epoch,a,b\n0,1,2\n")]
    [InlineData("epoch\n0\n")]
    [InlineData("diverged_at\n0\n")]
    [InlineData("epoch, a ,diverged\n0,1,\n")]
    public void ReadRun_HeaderNotEpochMetricsDiverged_ThrowsNamingTheFile(string text)
    {
        WriteRunFile(text);

        var e = Assert.Throws<InvalidDataException>(() => _store.ReadRun(Key));

        Assert.Equal($"{RunFile}: header must be epoch,<metrics>,diverged_at", e.Message);
    }

    [Theory]
    [InlineData("epoch,a,diverged_at\n0,1,\n1.5,2,\n", "line 3: epoch '1.5' is not an integer")]
    [InlineData("epoch,a,diverged_at\r\nx,1,\r\n", "line 2: epoch 'x' is not an integer")]
    [InlineData("epoch,a,b,diverged_at\n0,1,2,\n1,2,oops,\n", "line 3: b 'oops' is not a number")]
    [InlineData("epoch,a,b,diverged_at\n0,oops,2,\n", "line 2: a 'oops' is not a number")]
    [InlineData("epoch,a,diverged_at\n0,1,\n1,1,z\n", "line 3: diverged_at 'z' is not an integer")]
    [InlineData("epoch,a,diverged_at\n0,1,2.5\n", "line 2: diverged_at '2.5' is not an integer")]
    public void ReadRun_FieldThatIsNotANumber_ThrowsNamingTheLineColumnAndText(string text, string what)
    {
        WriteRunFile(text);

        var e = Assert.Throws<InvalidDataException>(() => _store.ReadRun(Key));

        Assert.Equal($"{RunFile}, {what}", e.Message);
    }

    [Fact]
    public void ReadRun_RowWithTooFewFields_ThrowsSayingItIsNotARunFile()
    {
        WriteRunFile("epoch,a,diverged_at\n0,1,\n1,2\n");

        var e = Assert.Throws<InvalidDataException>(() => _store.ReadRun(Key));

        Assert.StartsWith($"{RunFile}, line 3: not a run file (", e.Message);
        Assert.EndsWith("Exception); expected epoch,<metrics>,diverged_at rows of numbers", e.Message);
    }

    [Fact]
    public void RunColumns_RunFile_AreItsHeaderWithoutEpochAndDiverged()
    {
        WriteRunFile("epoch,train_loss,test_acc,diverged_at\n0,1,2,\n");

        Assert.Equal(["train_loss", "test_acc"], _store.RunColumns(Key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("epoch\n")]
    [InlineData("epoch,diverged_at\n")]
    public void RunColumns_NoMetricsInTheHeader_IsEmpty(string text)
    {
        WriteRunFile(text);

        Assert.Empty(_store.RunColumns(Key));
    }

    // ---- summary files ----

    private static SettingSummary Summary(int[] epochs, double[][] mean, double[][] std, int seeds, string[]? metrics = null) =>
        new(Setting, metrics ?? ["train_loss", "test_acc"], epochs, mean, std, seeds, 0);

    [Fact]
    public void WriteSummary_TwoMetrics_WritesEpochSeedsThenMeanAndStdOfEach()
    {
        _store.WriteSummary(Summary([0, 10], [[0.5, 0.25], [0.75, 1.0]], [[0.125, 0.0625], [0.1, 0.2]], seeds: 3));

        Assert.Equal(
            "epoch,n_seeds,train_loss_mean,train_loss_std,test_acc_mean,test_acc_std\n" +
            "0,3,0.5,0.125,0.75,0.1\n" +
            "10,3,0.25,0.0625,1,0.2\n",
            File.ReadAllText(Path.Combine(_root, "summary", "relu_xavier_s0p5.csv")));
    }

    [Fact]
    public void WriteSummary_NoEpochs_WritesTheHeaderOnly()
    {
        _store.WriteSummary(Summary([], [[], []], [[], []], seeds: 0));

        Assert.Equal("epoch,n_seeds,train_loss_mean,train_loss_std,test_acc_mean,test_acc_std\n", File.ReadAllText(_store.SummaryPath(Setting)));
    }

    private void WriteSummaryFile(string text)
    {
        Directory.CreateDirectory(Path.Combine(_root, "summary"));
        File.WriteAllText(Path.Combine(_root, "summary", "relu_xavier_s0p5.csv"), text);
    }

    private string SummaryFile => Path.Combine(_root, "summary", "relu_xavier_s0p5.csv");

    [Fact]
    public void ReadSummary_File_GivesEveryColumnToItsMetric()
    {
        WriteSummaryFile("epoch,n_seeds,a_mean,a_std,b_mean,b_std\n0,4,1,2,3,4\n5,4,5,6,7,8\n");

        var s = _store.ReadSummary(Setting);

        Assert.Same(Setting, s.Setting);
        Assert.Equal(["a", "b"], s.Metrics);
        Assert.Equal([0, 5], s.Epochs);
        Assert.Equal([1.0, 5.0], s.Mean[0]);
        Assert.Equal([2.0, 6.0], s.Std[0]);
        Assert.Equal([3.0, 7.0], s.Mean[1]);
        Assert.Equal([4.0, 8.0], s.Std[1]);
        Assert.Equal(4, s.SeedCount);
        Assert.Equal(0, s.DivergedCount);
    }

    [Fact]
    public void ReadSummary_NoRows_HasNoEpochsAndNoSeeds()
    {
        WriteSummaryFile("epoch,n_seeds,a_mean,a_std\n");

        var s = _store.ReadSummary(Setting);

        Assert.Equal(["a"], s.Metrics);
        Assert.Empty(s.Epochs);
        Assert.Empty(s.Mean[0]);
        Assert.Empty(s.Std[0]);
        Assert.Equal(0, s.SeedCount);
    }

    [Fact]
    public void ReadSummary_NoMetrics_ReadsEpochsAndSeeds()
    {
        WriteSummaryFile("epoch,n_seeds\n2,5\n");

        var s = _store.ReadSummary(Setting);

        Assert.Empty(s.Metrics);
        Assert.Equal([2], s.Epochs);
        Assert.Equal(5, s.SeedCount);
    }

    [Fact]
    public void ReadSummary_EmptyFile_ThrowsNamingTheFile()
    {
        WriteSummaryFile("");

        var e = Assert.Throws<InvalidDataException>(() => _store.ReadSummary(Setting));

        Assert.Equal($"{SummaryFile}: empty summary file; expected a header epoch,n_seeds,<metric>_mean,<metric>_std,...", e.Message);
    }

    [Theory]
    [InlineData("epoch\n")]
    [InlineData("time,n_seeds,a_mean,a_std\n")]
    [InlineData("epoch,seeds,a_mean,a_std\n")]
    [InlineData("epoch,n_seeds,a_mean\n")]
    [InlineData("epoch,n_seeds,a_mean,a_std,b_mean\n")]
    public void ReadSummary_HeaderNotEpochSeedsAndPairs_ThrowsNamingTheFile(string text)
    {
        WriteSummaryFile(text);

        var e = Assert.Throws<InvalidDataException>(() => _store.ReadSummary(Setting));

        Assert.Equal($"{SummaryFile}: header must be epoch,n_seeds, then <metric>_mean,<metric>_std pairs", e.Message);
    }

    [Theory]
    [InlineData("epoch,n_seeds,a_mean,b_std\n", "a_mean", "b_std")]
    [InlineData("epoch,n_seeds,a_avg,a_std\n", "a_avg", "a_std")]
    [InlineData("epoch,n_seeds,a_mean,a_std,b_mean,b_mean\n", "b_mean", "b_mean")]
    [InlineData("epoch,n_seeds,loss.mean,loss_std\n", "loss.mean", "loss_std")] // five characters off the end, but not "_mean"
    public void ReadSummary_ColumnsNotAMeanStdPair_ThrowsNamingThem(string text, string first, string second)
    {
        WriteSummaryFile(text);

        var e = Assert.Throws<InvalidDataException>(() => _store.ReadSummary(Setting));

        Assert.Equal($"{SummaryFile}: columns '{first}','{second}' are not a <metric>_mean,<metric>_std pair", e.Message);
    }

    [Theory]
    [InlineData("epoch,n_seeds,a_mean,a_std\n0,1,1,1\nx,1,1,1\n", "line 3: epoch and n_seeds must be integers")]
    [InlineData("epoch,n_seeds,a_mean,a_std\n0,1.5,1,1\n", "line 2: epoch and n_seeds must be integers")]
    [InlineData("epoch,n_seeds,a_mean,a_std\n0,1,m,1\n", "line 2: a mean or std is not a number")]
    [InlineData("epoch,n_seeds,a_mean,a_std,b_mean,b_std\n0,1,1,1,1,s\n", "line 2: b mean or std is not a number")]
    public void ReadSummary_FieldThatIsNotANumber_ThrowsNamingTheLine(string text, string what)
    {
        WriteSummaryFile(text);

        var e = Assert.Throws<InvalidDataException>(() => _store.ReadSummary(Setting));

        Assert.Equal($"{SummaryFile}, {what}", e.Message);
    }

    // ---- final.csv ----

    [Fact]
    public void WriteFinal_Summaries_WritesOneRowPerSettingAtItsLastEpoch()
    {
        var spec = new AblationSpec { Epochs = 40, LearningRate = 0.05, Noise = 0.1, TestSize = 0.25 };
        SettingSummary[] summaries =
        [
            new(new SettingKey("relu", "xavier", 0.5), ["a", "b"], [0, 39], [[1, 2], [3, 4]], [[5, 6], [7, 8]], 3, 1),
            new(new SettingKey("tanh", "he", 2.0), ["a", "b"], [0], [[9], [10]], [[11], [12]], 4, 0),
            new(new SettingKey("gelu", "xavier", 1.0), ["a", "b"], [], [[], []], [[], []], 0, 4),
        ];

        _store.WriteFinal(spec, summaries);

        Assert.Equal(
            "activation,init,init_scale,n_seeds,epochs,lr,noise,test_size,a_mean,a_std,b_mean,b_std,n_diverged\n" +
            "relu,xavier,0.5,3,40,0.05,0.1,0.25,2,6,4,8,1\n" +
            "tanh,he,2,4,40,0.05,0.1,0.25,9,11,10,12,0\n" +
            "gelu,xavier,1,0,40,0.05,0.1,0.25,NaN,NaN,NaN,NaN,4\n",
            File.ReadAllText(Path.Combine(_root, "final.csv")));
    }

    [Fact]
    public void WriteFinal_MultiRateSweep_WritesEachSettingsOwnRate()
    {
        var spec = new AblationSpec { Epochs = 5, LearningRates = [0.1, 0.2], Noise = 0, TestSize = 0 };
        SettingSummary[] summaries =
        [
            new(new SettingKey("relu", "xavier", 1.0, 0.1), ["a"], [4], [[1]], [[0]], 2, 0),
            new(new SettingKey("relu", "xavier", 1.0, 0.2), ["a"], [4], [[2]], [[0]], 2, 0),
        ];

        _store.WriteFinal(spec, summaries);

        Assert.Equal(
            "activation,init,init_scale,n_seeds,epochs,lr,noise,test_size,a_mean,a_std,n_diverged\n" +
            "relu,xavier,1,2,5,0.1,0,0,1,0,0\n" +
            "relu,xavier,1,2,5,0.2,0,0,2,0,0\n",
            File.ReadAllText(_store.FinalPath));
    }

    // ---- stats.csv ----

    private static SweepStats Stats(double? lr, double? pairLr) => new("test_acc",
        [new SettingStatistics(new SettingKey("relu", "xavier", 0.5, lr), [new ThresholdTime(0.85, 2, 10, 12.5)], new MeanInterval(0.9, 0.8, 1))],
        [new PairwiseTest("xavier", 0.5, "relu", "tanh", 4, 0.25, -0.5, pairLr)]);

    [Fact]
    public void WriteStats_OneRateSweep_WritesTheLongFormatWithoutAnLrColumn()
    {
        _store.WriteStats(Stats(null, null));

        Assert.Equal(
            "init,init_scale,activation,other,metric,statistic,value\n" +
            "xavier,0.5,relu,,test_acc,tta_0.85_never,2\n" +
            "xavier,0.5,relu,,test_acc,tta_0.85_median,10\n" +
            "xavier,0.5,relu,,test_acc,tta_0.85_median_budget,12.5\n" +
            "xavier,0.5,relu,,test_acc,final_mean,0.9\n" +
            "xavier,0.5,relu,,test_acc,final_ci95_low,0.8\n" +
            "xavier,0.5,relu,,test_acc,final_ci95_high,1\n" +
            "xavier,0.5,relu,tanh,test_acc,mannwhitney_u,4\n" +
            "xavier,0.5,relu,tanh,test_acc,mannwhitney_p,0.25\n" +
            "xavier,0.5,relu,tanh,test_acc,rank_biserial,-0.5\n",
            File.ReadAllText(Path.Combine(_root, "stats.csv")));
    }

    [Fact]
    public void WriteStats_RowsWithARate_WritesAnLrColumnAfterTheScale()
    {
        _store.WriteStats(Stats(0.05, null));

        var lines = File.ReadAllText(_store.StatsPath).Split('\n');
        Assert.Equal("init,init_scale,lr,activation,other,metric,statistic,value", lines[0]);
        Assert.Equal("xavier,0.5,0.05,relu,,test_acc,tta_0.85_never,2", lines[1]);
        Assert.Equal("xavier,0.5,,relu,tanh,test_acc,rank_biserial,-0.5", lines[9]);
        Assert.Equal("", lines[10]);
    }

    private void WriteStatsFile(string text)
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(_store.StatsPath, text);
    }

    [Fact]
    public void ReadStats_OneRateFile_GivesItsRows()
    {
        WriteStatsFile(
            "init,init_scale,activation,other,metric,statistic,value\n" +
            "he,2,tanh,,test_acc,final_mean,0.75\n" +
            "he,2,tanh,,test_acc,final_ci95_low,0.5\n" +
            "he,2,tanh,,test_acc,final_ci95_high,1\n" +
            "he,2,tanh,gelu,test_acc,mannwhitney_u,3\n" +
            "he,2,tanh,gelu,test_acc,mannwhitney_p,0.5\n" +
            "he,2,tanh,gelu,test_acc,rank_biserial,0.25\n");

        var stats = _store.ReadStats();

        Assert.Equal(
            [
                new StatRow("he", 2, "tanh", "", "test_acc", "final_mean", 0.75),
                new StatRow("he", 2, "tanh", "", "test_acc", "final_ci95_low", 0.5),
                new StatRow("he", 2, "tanh", "", "test_acc", "final_ci95_high", 1),
                new StatRow("he", 2, "tanh", "gelu", "test_acc", "mannwhitney_u", 3),
                new StatRow("he", 2, "tanh", "gelu", "test_acc", "mannwhitney_p", 0.5),
                new StatRow("he", 2, "tanh", "gelu", "test_acc", "rank_biserial", 0.25),
            ],
            stats.Rows());
    }

    [Fact]
    public void ReadStats_FileWithAnLrColumn_GivesEachRowItsRate()
    {
        WriteStatsFile(
            "init,init_scale,lr,activation,other,metric,statistic,value\n" +
            "he,2,0.5,tanh,,train_acc,final_mean,0.75\n" +
            "he,2,0.5,tanh,,train_acc,final_ci95_low,0.5\n" +
            "he,2,0.5,tanh,,train_acc,final_ci95_high,1\n");

        var stats = _store.ReadStats();

        Assert.Equal("train_acc", stats.Metric);
        Assert.Equal(
            [
                new StatRow("he", 2, "tanh", "", "train_acc", "final_mean", 0.75, 0.5),
                new StatRow("he", 2, "tanh", "", "train_acc", "final_ci95_low", 0.5, 0.5),
                new StatRow("he", 2, "tanh", "", "train_acc", "final_ci95_high", 1, 0.5),
            ],
            stats.Rows());
    }

    [Theory]
    [InlineData("")]
    [InlineData("init,init_scale,activation,other,metric,statistic\n")]
    [InlineData("init,init_scale,lr,activation,other,metric,statistic,value,extra\n")]
    [InlineData("init,lr,init_scale,activation,other,metric,statistic,value\n")]
    public void ReadStats_NotAStatsHeader_ThrowsNamingTheFileAndTheHeader(string text)
    {
        WriteStatsFile(text);

        var e = Assert.Throws<InvalidDataException>(_store.ReadStats);

        Assert.Equal($"{_store.StatsPath}: header must be init,init_scale,activation,other,metric,statistic,value (with lr after init_scale on a multi-rate sweep)", e.Message);
    }

    [Theory]
    [InlineData("init,init_scale,activation,other,metric,statistic,value\nhe,big,tanh,,m,final_mean,1\n", "line 2: init_scale and value must be numbers")]
    [InlineData("init,init_scale,activation,other,metric,statistic,value\nhe,1,tanh,,m,final_mean,1\nhe,1,tanh,,m,final_ci95_low,v\n", "line 3: init_scale and value must be numbers")]
    [InlineData("init,init_scale,lr,activation,other,metric,statistic,value\nhe,1,0.1,tanh,,m,final_mean,x\n", "line 2: init_scale and value must be numbers")]
    [InlineData("init,init_scale,lr,activation,other,metric,statistic,value\nhe,1,fast,tanh,,m,final_mean,1\n", "line 2: lr must be a number")]
    public void ReadStats_FieldThatIsNotANumber_ThrowsNamingTheLine(string text, string what)
    {
        WriteStatsFile(text);

        var e = Assert.Throws<InvalidDataException>(_store.ReadStats);

        Assert.Equal($"{_store.StatsPath}, {what}", e.Message);
    }

    // ---- manifest.json ----

    [Fact]
    public void ReadManifest_NoFile_IsNull() => Assert.Null(_store.ReadManifest());

    [Fact]
    public void WriteManifest_Manifest_WritesIndentedSnakeCaseJsonEndingInANewLine()
    {
        _store.WriteManifest(new Manifest { Spec = new AblationSpec(), Runs = 2, ElapsedSeconds = double.NaN });

        string text = File.ReadAllText(Path.Combine(_root, "manifest.json"));
        Assert.StartsWith("{\n  \"format\": \"gradflow.results/1\",\n  \"gradflow_version\": \"0.1.0\",\n  \"spec\": {\n    \"name\": \"custom\",", text);
        Assert.Contains("\n  \"runs\": 2,\n", text);
        Assert.Contains("\n  \"elapsed_seconds\": \"NaN\"\n}", text);
        Assert.EndsWith("}\n", text);
    }

    [Fact]
    public void ReadManifest_WrittenManifest_GivesBackItsFields()
    {
        var started = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        var spec = new AblationSpec { Name = "mine", Activations = ["relu"], Seeds = [5, 6], Epochs = 12, LearningRates = [0.1, 0.2] };
        _store.WriteManifest(new Manifest { Spec = spec, Shard = "2/3", Runs = 4, StartedUtc = started, FinishedUtc = started.AddSeconds(90), ElapsedSeconds = 90.5, Outputs = ["final.csv"] });

        var read = _store.ReadManifest()!;

        Assert.Equal("gradflow.results/1", read.Format);
        Assert.Equal(new Manifest { Spec = spec }.GradflowVersion, read.GradflowVersion);
        Assert.Equal("2/3", read.Shard);
        Assert.Equal(4, read.Runs);
        Assert.Equal(started, read.StartedUtc);
        Assert.Equal(started.AddSeconds(90), read.FinishedUtc);
        Assert.Equal(90.5, read.ElapsedSeconds);
        Assert.Equal(["final.csv"], read.Outputs!);
        Assert.Equal("mine", read.Spec.Name);
        Assert.Equal(["relu"], read.Spec.Activations);
        Assert.Equal([5, 6], read.Spec.Seeds);
        Assert.Equal(12, read.Spec.Epochs);
        Assert.Equal([0.1, 0.2], read.Spec.LearningRates!);
        Assert.Empty(ResultStore.Differences(spec, read.Spec));
    }

    [Fact]
    public void ReadManifest_NaNElapsed_ReadsBackNaN()
    {
        _store.WriteManifest(new Manifest { Spec = new AblationSpec(), ElapsedSeconds = double.NaN });

        Assert.True(double.IsNaN(_store.ReadManifest()!.ElapsedSeconds!.Value));
    }

    [Fact]
    public void ReadManifest_JsonNull_ThrowsSayingItIsEmpty()
    {
        File.WriteAllText(_store.ManifestPath, "null");

        var e = Assert.Throws<InvalidDataException>(_store.ReadManifest);

        Assert.Equal($"{_store.ManifestPath}: empty manifest", e.Message);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("{\"spec\": {\"seeds\": [-1]}}")]
    public void ReadManifest_NotAManifest_ThrowsNamingTheFile(string text)
    {
        File.WriteAllText(_store.ManifestPath, text);

        var e = Assert.Throws<InvalidDataException>(_store.ReadManifest);

        Assert.StartsWith($"{_store.ManifestPath}: not a GradFlow manifest (", e.Message);
        Assert.EndsWith(")", e.Message);
    }

    // ---- spec differences ----

    [Fact]
    public void Differences_EqualSpecs_IsEmpty()
    {
        Assert.Empty(ResultStore.Differences(new AblationSpec { Seeds = [1, 2] }, new AblationSpec { Seeds = [1, 2] }));
    }

    [Fact]
    public void Differences_SpecsDifferingInSomeFields_NameThoseFieldsInFileOrder()
    {
        var a = new AblationSpec();
        var b = a with { Epochs = 41, LearningRate = 0.1, Seeds = [0, 1] };

        Assert.Equal(["seeds", "learning_rate", "epochs"], ResultStore.Differences(a, b));
    }

    [Fact]
    public void Differences_FieldWrittenByOnlyOneSpec_IsNamed()
    {
        var a = new AblationSpec();

        Assert.Equal(["learning_rates"], ResultStore.Differences(a, a with { LearningRates = [0.1, 0.2] }));
        Assert.Equal(["curvature_every"], ResultStore.Differences(a with { CurvatureEvery = 10 }, a));
    }
}
