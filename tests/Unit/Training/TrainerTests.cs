using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Training;

public sealed class TrainerTests
{
    private static DataSplit Data(double testSize = 0.0) => Xor.Split(Xor.Generate(40, 0.1, 6), testSize, 6);

    private static Mlp Model(Activation activation, double scale = 1.0) =>
        Mlp.Init(Architecture.Parse("2,8,8,1"), activation, InitScheme.Xavier, scale, 6);

    private static Trainer Trainer(Mlp model, DataSplit data, TrainingOptions options) =>
        new(model, data, options, [new CoreMetrics(model.Architecture)]);

    [Theory]
    [InlineData(10, 3, new[] { 0, 3, 6, 9 })]
    [InlineData(11, 3, new[] { 0, 3, 6, 9, 10 })] // the last epoch is always recorded
    [InlineData(5, 1, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(4, 10, new[] { 0, 3 })]
    [InlineData(1, 1, new[] { 0 })]
    public void Run_LogEvery_RecordsExactlyTheRequestedEpochs(int epochs, int logEvery, int[] expected)
    {
        var model = Model(Activation<Tanh>.Instance);
        var result = Trainer(model, Data(), new TrainingOptions(0.05, epochs, logEvery)).Run();

        var recorded = Enumerable.Range(0, result.Log.Count).Select(result.Log.Epoch).ToArray();
        Assert.Equal(expected, recorded);
    }

    [Fact]
    public void Run_FirstRecord_IsTheInitialParametersLoss()
    {
        var model = Model(Activation<Tanh>.Instance);
        var data = Data();
        var pass = new BatchPass(model.Architecture, data.Train.Count);
        pass.Forward(model, data.Train.X);
        double initialLoss = pass.Loss(data.Train.Y);

        var result = Trainer(model, data, new TrainingOptions(0.05, 5)).Run();

        Assert.Equal(0, result.Log.Epoch(0));
        Assert.Equal(initialLoss, result.Log[0, "train_loss"]);
    }

    [Fact]
    public void Run_FirstRecord_TestLossIsTheInitialParametersTestLoss()
    {
        var model = Model(Activation<Tanh>.Instance);
        var data = Data(0.25);
        var pass = new BatchPass(model.Architecture, data.Test.Count);
        pass.Forward(model, data.Test.X);
        double initialTestLoss = pass.Loss(data.Test.Y);

        var result = Trainer(model, data, new TrainingOptions(0.05, 5)).Run();

        Assert.Equal(initialTestLoss, result.Log[0, "test_loss"]);
    }

    [Fact]
    public void Run_NoTestSplit_TestMetricsAreNaN()
    {
        var result = Trainer(Model(Activation<Tanh>.Instance), Data(), new TrainingOptions(0.05, 3)).Run();

        Assert.All(result.Log.Column("test_loss"), v => Assert.True(double.IsNaN(v)));
        Assert.All(result.Log.Column("test_acc"), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Run_SmallLearningRate_LowersTheTrainingLoss()
    {
        var result = Trainer(Model(Activation<Tanh>.Instance), Data(), new TrainingOptions(0.05, 200)).Run();

        var loss = result.Log.Column("train_loss");
        Assert.True(loss[^1] < loss[0], $"loss went from {loss[0]} to {loss[^1]}");
        Assert.False(result.Diverged);
    }

    [Fact]
    public void Run_HugeLearningRate_ReportsWhereItDiverged()
    {
        // Leaky relu with lr 1e6: each step multiplies the weights' scale, the loss overflows within a few
        // epochs. (Plain relu tends to die instead: its units go dead and the loss stays huge but finite.)
        var result = Trainer(Model(Activation<LeakyRelu>.Instance), Data(), new TrainingOptions(1e6, 200)).Run();

        Assert.True(result.Diverged);
        Assert.InRange(result.DivergedAt!.Value, 1, 199);
    }

    [Fact]
    public void Run_Diverging_RecordsNothingPastTheDivergenceAndFiniteLossesBeforeIt()
    {
        var result = Trainer(Model(Activation<LeakyRelu>.Instance), Data(), new TrainingOptions(1e6, 200)).Run();

        int at = result.DivergedAt!.Value;
        var epochs = Enumerable.Range(0, result.Log.Count).Select(result.Log.Epoch).ToArray();
        Assert.All(epochs, e => Assert.True(e <= at, $"epoch {e} recorded after divergence at {at}"));
        // Every epoch before the divergence is there (logEvery 1) with a finite loss.
        Assert.Equal(Enumerable.Range(0, at), epochs.Where(e => e < at));
        for (int r = 0; r < result.Log.Count; r++)
            if (result.Log.Epoch(r) < at) Assert.True(double.IsFinite(result.Log[r, "train_loss"]), $"row {r}");
    }

    [Fact]
    public void Run_HugeInitScale_DivergesAtEpochZero()
    {
        // Scale 1e200 on [2,8,8,1] relu: layer-2 pre-activations reach ~1e400, i.e. ∞, and ∞ − ∞ gives NaN.
        var result = Trainer(Model(Activation<Relu>.Instance, scale: 1e200), Data(), new TrainingOptions(0.05, 10)).Run();

        Assert.Equal(0, result.DivergedAt);
        Assert.All(Enumerable.Range(0, result.Log.Count), r => Assert.Equal(0, result.Log.Epoch(r)));
    }

    [Fact]
    public void Run_AfterTheFirstEpoch_AllocatesNothingPerEpoch()
    {
        var data = Data(0.25);
        AllocatesNothingPerEpoch(epochs => Trainer(Model(Activation<Tanh>.Instance), data, new TrainingOptions(0.05, epochs)), 50, 10, 110);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_WideLayersOnKernelThreads_AllocatesNothingPerEpoch(int threads)
    {
        // 128 × 128 × 600 multiply-adds per product and 76,800 activations per layer: the tiled kernels and φ, split across the team.
        var data = Xor.Split(Xor.Generate(800, 0.1, 6), 0.25, 6);
        AllocatesNothingPerEpoch(epochs => Trainer(Mlp.Init(Architecture.Parse("2,128,128,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 6),
            data, new TrainingOptions(0.05, epochs) { KernelThreads = threads }), 5, 2, 12);
    }

    // Warm-up first: JIT, static constructors and tiering must not be charged to the measured runs. A tier-up of the JIT
    // can land in a measured run under load and charge it a one-off allocation; an allocation per epoch shows on every
    // attempt, so three attempts keep the check able to fail.
    private static void AllocatesNothingPerEpoch(Func<int, Trainer> trainer, int warmUp, int shortEpochs, int longEpochs)
    {
        trainer(warmUp).Run();
        string last = "";
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var shortRun = trainer(shortEpochs);
            var longRun = trainer(longEpochs);
            long before = GC.GetAllocatedBytesForCurrentThread();
            shortRun.Run();
            long afterShort = GC.GetAllocatedBytesForCurrentThread();
            longRun.Run();
            long afterLong = GC.GetAllocatedBytesForCurrentThread();

            long shortBytes = afterShort - before, longBytes = afterLong - afterShort;
            if (longBytes == shortBytes) return;
            last = $"{shortEpochs} epochs allocated {shortBytes} B, {longEpochs} epochs {longBytes} B: {(longBytes - shortBytes) / (double)(longEpochs - shortEpochs)} B per extra epoch";
        }
        Assert.Fail(last + " (on each of 3 attempts)");
    }
}
