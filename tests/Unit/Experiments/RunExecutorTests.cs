using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>One run from its key, on a tiny spec (a [2,3,1] tanh net, 12 points, 3 epochs): milliseconds each.</summary>
public sealed class RunExecutorTests
{
    private static readonly AblationSpec Tiny = new() { Activations = ["tanh"], Arch = [2, 3, 1], N = 12, TestSize = 0.25, Epochs = 3, Seeds = [0, 1] };

    private static void AssertSameBits(RunLog a, RunLog b)
    {
        Assert.Equal(a.Columns, b.Columns);
        Assert.Equal(a.Epochs.ToArray(), b.Epochs.ToArray());
        for (int r = 0; r < a.Count; r++) Assert.True(a.Row(r).SequenceEqual(b.Row(r)), $"row {r} differs");
    }

    private static bool SameBits(RunLog a, RunLog b) =>
        a.Count == b.Count && Enumerable.Range(0, a.Count).All(r => a.Row(r).SequenceEqual(b.Row(r)));

    [Fact]
    public void Execute_TinySpec_LogsEveryEpochOfItsKeyWithTheSpecsColumns()
    {
        var key = Tiny.Runs()[1];

        var run = RunExecutor.Execute(Tiny, key);

        Assert.Same(key, run.Key);
        Assert.False(run.Diverged);
        Assert.Equal([0, 1, 2], run.Log.Epochs.ToArray());
        Assert.Equal(RunExecutor.Columns(Tiny, "tanh"), run.Log.Columns);
        Assert.All(Enumerable.Range(0, 3), r => Assert.True(run.Log[r, "train_acc"] is >= 0 and <= 1));
    }

    [Fact]
    public void Execute_SameKeyTwice_GivesTheSameBits() =>
        AssertSameBits(RunExecutor.Execute(Tiny, Tiny.Runs()[0]).Log, RunExecutor.Execute(Tiny, Tiny.Runs()[0]).Log);

    [Fact]
    public void Execute_OtherSeed_GivesOtherValues() =>
        Assert.False(SameBits(RunExecutor.Execute(Tiny, Tiny.Runs()[0]).Log, RunExecutor.Execute(Tiny, Tiny.Runs()[1]).Log));

    [Fact]
    public void Execute_OtherScale_GivesOtherValues()
    {
        var a = RunExecutor.Execute(Tiny, Tiny.Runs()[0]).Log;
        var b = RunExecutor.Execute(Tiny, new SettingKey("tanh", "xavier", 2.0).WithSeed(0)).Log;

        Assert.NotEqual(a[0, "train_loss"], b[0, "train_loss"]);
    }

    [Fact]
    public void Execute_OtherInit_GivesOtherValues()
    {
        var a = RunExecutor.Execute(Tiny, Tiny.Runs()[0]).Log;
        var b = RunExecutor.Execute(Tiny, new SettingKey("tanh", "he", 1.0).WithSeed(0)).Log;

        Assert.NotEqual(a[0, "train_loss"], b[0, "train_loss"]);
    }

    [Fact]
    public void Execute_LogEveryTwo_LogsEveryOtherEpochAndTheLast()
    {
        var spec = Tiny with { Epochs = 4, LogEvery = 2 };

        var run = RunExecutor.Execute(spec, spec.Runs()[0]);

        Assert.Equal([0, 2, 3], run.Log.Epochs.ToArray());
    }

    [Fact]
    public void Execute_SettingOfAMultiRateSweep_TrainsAtItsOwnRate()
    {
        var multi = Tiny with { LearningRates = [0.05, 0.7] };
        var single = Tiny with { LearningRate = 0.7 };

        var atOwn = RunExecutor.Execute(multi, multi.Runs()[2]); // tanh, rate 0.7, seed 0
        var atOne = RunExecutor.Execute(single, single.Runs()[0]);
        var atOther = RunExecutor.Execute(multi, multi.Runs()[0]); // rate 0.05

        Assert.Equal(0.7, atOwn.Key.Setting.LearningRate);
        Assert.True(SameBits(atOne.Log, atOwn.Log));
        Assert.False(SameBits(atOther.Log, atOwn.Log));
    }

    [Fact]
    public void Execute_IntoALogThatFits_RecordsIntoThatLog()
    {
        var spare = RunExecutor.Execute(Tiny, Tiny.Runs()[0]).Log;
        var fresh = RunExecutor.Execute(Tiny, Tiny.Runs()[1]).Log;

        var run = RunExecutor.Execute(Tiny, Tiny.Runs()[1], CancellationToken.None, 1, spare);

        Assert.Same(spare, run.Log);
        AssertSameBits(fresh, run.Log);
    }

    [Fact]
    public void Execute_TwoKernelThreads_GivesTheSameBits() =>
        AssertSameBits(RunExecutor.Execute(Tiny, Tiny.Runs()[0]).Log, RunExecutor.Execute(Tiny, Tiny.Runs()[0], CancellationToken.None, kernelThreads: 2).Log);

    [Fact]
    public void Execute_Cancelled_StopsWithOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => RunExecutor.Execute(Tiny, Tiny.Runs()[0], cancel.Token));
    }

    [Fact]
    public void Execute_CurvatureOn_RecordsSharpnessEveryKthEpoch()
    {
        var spec = Tiny with { CurvatureEvery = 2, Epochs = 3 };

        var run = RunExecutor.Execute(spec, spec.Runs()[0]);

        Assert.Equal(RunExecutor.Columns(spec, "tanh"), run.Log.Columns);
        Assert.True(double.IsFinite(run.Log[0, "sharpness"]) && run.Log[0, "sharpness"] > 0);
        Assert.True(double.IsFinite(run.Log[2, "sharpness"]));
    }

    [Fact]
    public void Columns_TestSplit_AreTheCoreThenTheGradientFlowMetrics()
    {
        var columns = RunExecutor.Columns(Tiny, "tanh");

        Assert.Equal(["train_loss", "train_acc", "test_loss", "test_acc"], columns.Take(4));
        Assert.Contains("grad_norm_L1", columns);
        Assert.Contains("grad_norm_L2", columns);
        Assert.DoesNotContain("grad_norm_L3", columns);
        Assert.Contains("dphi_mean_abs", columns);
        Assert.True(columns.ToList().IndexOf("grad_norm_L1") < columns.ToList().IndexOf("dphi_mean_abs"));
        Assert.DoesNotContain("sharpness", columns);
    }

    [Fact]
    public void Columns_NoTestSplit_LeaveOutTheTestMetrics()
    {
        var columns = RunExecutor.Columns(Tiny with { TestSize = 0 }, "tanh");

        Assert.DoesNotContain("test_loss", columns);
        Assert.DoesNotContain("test_acc", columns);
        Assert.Equal(RunExecutor.Columns(Tiny, "tanh").Count - 2, columns.Count);
    }

    [Fact]
    public void Columns_CurvatureOn_FollowWithTheCurvatureAndDynamicsColumns()
    {
        var off = RunExecutor.Columns(Tiny, "relu");
        var on = RunExecutor.Columns(Tiny with { CurvatureEvery = 5 }, "relu");

        Assert.Equal(off, on.Take(off.Count));
        Assert.Contains("sharpness", on.Skip(off.Count));
        Assert.Contains("hessian_min_eig", on.Skip(off.Count));
        Assert.True(on.Count > off.Count + 2);
    }

    [Fact]
    public void MetricGroups_AreTheCoreGroupThenTheGradientFlowGroup()
    {
        var groups = RunExecutor.MetricGroups(Tiny, GradFlow.Activations.ActivationRegistry.Get("tanh"), 9);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["train_loss", "train_acc", "test_loss", "test_acc"], groups[0].Columns.Take(4));
        Assert.Contains("dphi_mean_abs", groups[1].Columns);
    }
}
