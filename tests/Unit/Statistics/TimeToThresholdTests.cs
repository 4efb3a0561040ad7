using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Statistics;

/// <summary>TimeToThreshold on hand-built curves and against NumPy on seeded curves.</summary>
public sealed class TimeToThresholdTests
{
    private const string Section = "time_to_threshold";

    public static TheoryData<string> Settings() => StatsOracle.Names(Section);

    private static readonly int[] FiveEpochs = [0, 1, 2, 3, 4];

    [Fact]
    public void FirstEpoch_NeverReaches_ReturnsNull()
    {
        Assert.Null(TimeToThreshold.FirstEpoch(FiveEpochs, [0.5, 0.6, 0.7, 0.8, 0.94], 0.95));
    }

    [Fact]
    public void FirstEpoch_ReachedAtEpochZero_ReturnsZero()
    {
        Assert.Equal(0, TimeToThreshold.FirstEpoch(FiveEpochs, [0.96, 0.5, 0.97, 0.98, 0.99], 0.95));
    }

    [Fact]
    public void FirstEpoch_ReachedOnlyAtLastEpoch_ReturnsLastEpoch()
    {
        Assert.Equal(4, TimeToThreshold.FirstEpoch(FiveEpochs, [0.5, 0.6, 0.7, 0.8, 0.95], 0.95));
    }

    [Fact]
    public void FirstEpoch_ReachesThenDrops_FirstCrossingCounts()
    {
        Assert.Equal(1, TimeToThreshold.FirstEpoch(FiveEpochs, [0.5, 0.96, 0.7, 0.6, 0.97], 0.95));
    }

    [Fact]
    public void FirstEpoch_AccuracyEqualToThreshold_Counts()
    {
        // 72/75 and 0.96 are the same double: the comparison is ≥.
        Assert.Equal(2, TimeToThreshold.FirstEpoch(FiveEpochs, [70 / 75.0, 71 / 75.0, 72 / 75.0, 73 / 75.0, 1.0], 0.96));
    }

    [Fact]
    public void FirstEpoch_SparseLoggedEpochs_ReturnsTheLoggedEpoch()
    {
        int[] epochs = [0, 10, 20, 30, 40, 50];
        Assert.Equal(30, TimeToThreshold.FirstEpoch(epochs, [0.5, 0.7, 0.9, 0.95, 0.99, 1.0], 0.95));
    }

    [Fact]
    public void FirstEpoch_NaNAccuracy_NeverCounts()
    {
        Assert.Equal(3, TimeToThreshold.FirstEpoch(FiveEpochs, [double.NaN, 0.5, double.NaN, 0.99, 0.99], 0.95));
    }

    [Fact]
    public void FirstEpoch_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => TimeToThreshold.FirstEpoch(FiveEpochs, [0.5, 0.6], 0.95));
    }

    [Fact]
    public void Summarize_EvenNumberReaching_MedianAveragesMiddleTwoAndCountsNever()
    {
        var s = TimeToThreshold.Summarize([100, 300, null, 200, 400]);
        Assert.Equal(5, s.Seeds);
        Assert.Equal(1, s.CountNever);
        Assert.Equal((200 + 300) / 2.0, s.Median);
    }

    [Fact]
    public void Summarize_NoSeedReaches_MedianIsNaNAndAllCountAsNever()
    {
        var s = TimeToThreshold.Summarize([null, null, null]);
        Assert.Equal(3, s.CountNever);
        Assert.True(double.IsNaN(s.Median));
    }

    [Fact]
    public void MedianWithBudget_NeverReachingSeeds_CountAsBudget()
    {
        Assert.Equal(3000.0, TimeToThreshold.MedianWithBudget([100, null, null], 3000));
        Assert.Equal(100.0, TimeToThreshold.MedianWithBudget([100, 50, null], 3000));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void FirstEpoch_NumPySeededCurves_MatchesFirstCrossing(string name)
    {
        var c = StatsOracle.Case(Section, name);
        int[] epochs = c.Ints("epochs");
        double threshold = c.GetProperty("threshold").GetDouble();
        foreach (var run in c.GetProperty("runs").EnumerateArray())
            Assert.Equal(run.IntOrNull("first_epoch"), TimeToThreshold.FirstEpoch(epochs, run.Doubles("accuracy"), threshold));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Summarize_NumPySetting_MatchesCountNeverAndMedian(string name)
    {
        var c = StatsOracle.Case(Section, name);
        var s = TimeToThreshold.Summarize(FirstEpochs(c));
        Assert.Equal(c.GetProperty("count_never").GetInt32(), s.CountNever);
        Assert.Equal(c.GetProperty("runs").GetArrayLength(), s.Seeds);
        Assert.Equal(c.DoubleOrNaN("median"), s.Median); // Assert.Equal treats NaN as equal to NaN
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void MedianWithBudget_NumPySetting_MatchesMedian(string name)
    {
        var c = StatsOracle.Case(Section, name);
        Assert.Equal(c.GetProperty("median_with_budget").GetDouble(),
            TimeToThreshold.MedianWithBudget(FirstEpochs(c), c.GetProperty("budget").GetInt32()));
    }

    // First epochs computed by this library from the stored curves, so the summaries are checked end to end.
    private static int?[] FirstEpochs(System.Text.Json.JsonElement c)
    {
        int[] epochs = c.Ints("epochs");
        double threshold = c.GetProperty("threshold").GetDouble();
        return c.GetProperty("runs").EnumerateArray()
            .Select(run => TimeToThreshold.FirstEpoch(epochs, run.Doubles("accuracy"), threshold))
            .ToArray();
    }

    [Fact]
    public void FirstEpoch_LengthMismatch_MessageGivesBothLengthsAndNamesAccuracy()
    {
        var e = Assert.Throws<ArgumentException>(() => TimeToThreshold.FirstEpoch([0, 10, 20], [0.5], 0.95));
        Assert.Equal("accuracy", e.ParamName);
        Assert.Equal("epochs has 3 entries but accuracy has 1; they must pair up (Parameter 'accuracy')", e.Message);
    }
}
