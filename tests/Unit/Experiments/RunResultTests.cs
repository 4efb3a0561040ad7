using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class RunResultTests
{
    private static readonly RunKey Key = new SettingKey("relu", "xavier", 1.0).WithSeed(0);

    [Fact]
    public void Constructor_LogAndDivergence_AreTheTrainingResults()
    {
        var log = new RunLog(["train_loss"], 1);

        var run = new RunResult(Key, log, 4);

        Assert.Same(Key, run.Key);
        Assert.Same(log, run.Log);
        Assert.Same(log, run.Training.Log);
        Assert.Equal(4, run.DivergedAt);
        Assert.Equal(4, run.Training.DivergedAt);
        Assert.True(run.Diverged);
    }

    [Fact]
    public void Diverged_NoDivergenceEpoch_IsFalse()
    {
        var run = new RunResult(Key, new RunLog(["train_loss"], 1), null);

        Assert.Null(run.DivergedAt);
        Assert.False(run.Diverged);
    }
}
