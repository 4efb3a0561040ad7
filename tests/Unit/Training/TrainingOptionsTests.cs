using GradFlow.Training;

namespace GradFlow.Tests.Unit.Training;

public sealed class TrainingOptionsTests
{
    [Fact]
    public void Constructor_ValidValues_Kept()
    {
        var options = new TrainingOptions(0.25, 7, 3) { KernelThreads = 2 };

        Assert.Equal(0.25, options.LearningRate);
        Assert.Equal(7, options.Epochs);
        Assert.Equal(3, options.LogEvery);
        Assert.Equal(2, options.KernelThreads);
    }

    [Fact]
    public void Constructor_Defaults_LogEveryEpochOnOneThread()
    {
        var options = new TrainingOptions(double.Epsilon, 1);

        Assert.Equal(1, options.LogEvery);
        Assert.Equal(1, options.KernelThreads);
        Assert.Equal(double.MaxValue, new TrainingOptions(double.MaxValue, 1).LearningRate);
    }

    private const string Rate = "learning rate must be a finite number > 0", Count = "epochs must be a positive integer",
        Every = "log-every must be a positive integer", Threads = "kernel threads must be a positive integer";

    [Theory]
    [InlineData(0.0, 10, 1, 1, "learningRate", Rate)]
    [InlineData(-1e-300, 10, 1, 1, "learningRate", Rate)]
    [InlineData(double.NaN, 10, 1, 1, "learningRate", Rate)]
    [InlineData(double.PositiveInfinity, 10, 1, 1, "learningRate", Rate)]
    [InlineData(double.NegativeInfinity, 10, 1, 1, "learningRate", Rate)]
    [InlineData(0.1, 0, 1, 1, "epochs", Count)]
    [InlineData(0.1, -3, 1, 1, "epochs", Count)]
    [InlineData(0.1, 5, 0, 1, "logEvery", Every)]
    [InlineData(0.1, 5, -1, 1, "logEvery", Every)]
    [InlineData(0.1, 5, 1, 0, "KernelThreads", Threads)]
    [InlineData(0.1, 5, 1, -2, "KernelThreads", Threads)]
    public void Constructor_BadValue_ThrowsNamingItAndWhatIsAccepted(double lr, int epochs, int logEvery, int threads, string parameter, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(lr, epochs, logEvery) { KernelThreads = threads });

        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(message, e.Message);
    }

    // The logged epochs counted by brute force: every K-th from 0, and the last.
    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(10, 3)]
    [InlineData(10, 9)]
    [InlineData(10, 10)]
    [InlineData(10, 11)]
    [InlineData(11, 5)]
    [InlineData(12, 5)]
    [InlineData(7, 2)]
    public void LoggedEpochCount_EqualsTheEpochsIsLoggedAccepts(int epochs, int logEvery)
    {
        var options = new TrainingOptions(0.1, epochs, logEvery);
        var expected = Enumerable.Range(0, epochs).Where(e => e % logEvery == 0 || e == epochs - 1).ToArray();

        Assert.Equal(expected, Enumerable.Range(0, epochs).Where(options.IsLogged).ToArray());
        Assert.Equal(expected.Length, options.LoggedEpochCount);
    }

    [Fact]
    public void IsLogged_EpochsNotAMultipleAndNotTheLast_False()
    {
        var options = new TrainingOptions(0.1, 10, 4);

        Assert.True(options.IsLogged(0));
        Assert.False(options.IsLogged(1));
        Assert.False(options.IsLogged(3));
        Assert.True(options.IsLogged(4));
        Assert.True(options.IsLogged(8));
        Assert.True(options.IsLogged(9));
    }
}
