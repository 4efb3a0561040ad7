using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Training;

/// <summary>The trainer's arguments, where its rows go (reused logs, several groups) and the diverging epoch's row.</summary>
public sealed class TrainerLogTests
{
    private static readonly Architecture Arch = Architecture.Parse("2,4,1");

    private static Mlp Model() => Mlp.Init(Arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);

    // Scale 1e200 on relu [2,8,8,1]: the second layer's pre-activations overflow, and the epoch-0 loss is NaN.
    private static readonly Architecture Deep = Architecture.Parse("2,8,8,1");

    private static Mlp Overflowing() => Mlp.Init(Deep, Activation<Relu>.Instance, InitScheme.Xavier, 1e200, 6);

    private static DataSplit Data() => Xor.Split(Xor.Generate(20, 0.1, 3), 0.25, 3);

    /// <summary>Writes the epoch number and a constant into its two columns.</summary>
    private sealed class EpochGroup(string prefix) : IMetricGroup
    {
        public IReadOnlyList<string> Columns { get; } = [prefix + "_epoch", prefix + "_seven"];

        public void Write(EpochState state, Span<double> row)
        {
            row[0] = state.Epoch;
            row[1] = 7;
        }
    }

    [Fact]
    public void Constructor_DataOfAnotherWidth_ThrowsNamingBoth()
    {
        var data = new DataSplit(Dataset.Create([1, 2, 3], [1], 3), new Dataset([], [], 3));

        var e = Assert.Throws<ArgumentException>(() => new Trainer(Model(), data, new TrainingOptions(0.1, 1), []));

        Assert.Equal("data has 3 features but the model takes 2 inputs", e.Message);
    }

    [Fact]
    public void Constructor_EmptyTrainingSet_Throws()
    {
        var data = new DataSplit(new Dataset([], [], 2), new Dataset([], [], 2));

        var e = Assert.Throws<ArgumentException>(() => new Trainer(Model(), data, new TrainingOptions(0.1, 1), []));

        Assert.Equal("the training set is empty", e.Message);
    }

    [Fact]
    public void Run_SeveralGroups_EachWritesItsOwnColumnsInOrder()
    {
        var trainer = new Trainer(Model(), Data(), new TrainingOptions(0.1, 4, 2), [new EpochGroup("a"), new CoreMetrics(Arch), new EpochGroup("b")]);

        var log = trainer.Run().Log;

        Assert.Equal("a_epoch", log.Columns[0]);
        Assert.Equal("b_seven", log.Columns[^1]);
        Assert.Equal([0, 2, 3], log.Epochs.ToArray());
        Assert.Equal([0.0, 2.0, 3.0], log.Column("a_epoch"));
        Assert.Equal([0.0, 2.0, 3.0], log.Column("b_epoch"));
        Assert.All(log.Column("a_seven"), v => Assert.Equal(7.0, v));
        Assert.All(log.Column("b_seven"), v => Assert.Equal(7.0, v));
        Assert.All(log.Column("train_loss"), v => Assert.True(v > 0 && double.IsFinite(v)));
    }

    [Fact]
    public void Constructor_FittingLog_IsReusedAndEmptied()
    {
        var groups = new IMetricGroup[] { new EpochGroup("a") };
        var log = new Trainer(Model(), Data(), new TrainingOptions(0.1, 5), groups).Run().Log;
        Assert.Equal(5, log.Count);

        var again = new Trainer(Model(), Data(), new TrainingOptions(0.1, 3), groups, log);

        Assert.Same(log, again.Log);
        Assert.Equal(0, log.Count);
        again.Run();
        Assert.Equal([0, 1, 2], log.Epochs.ToArray());
    }

    [Fact]
    public void Constructor_LogOfExactlyTheNeededCapacity_IsReused()
    {
        var log = new RunLog(["a_epoch", "a_seven"], 3);

        Assert.Same(log, new Trainer(Model(), Data(), new TrainingOptions(0.1, 5, 2), [new EpochGroup("a")], log).Log);
    }

    [Fact]
    public void Constructor_LogTooSmall_ANewLogInstead()
    {
        var log = new RunLog(["a_epoch", "a_seven"], 2);
        log.Append(9);

        var trainer = new Trainer(Model(), Data(), new TrainingOptions(0.1, 5, 2), [new EpochGroup("a")], log);

        Assert.NotSame(log, trainer.Log);
        Assert.Equal(3, trainer.Log.Capacity);
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public void Constructor_LogWithOtherColumns_ANewLogInstead()
    {
        var log = new RunLog(["b_epoch", "b_seven"], 10);

        var trainer = new Trainer(Model(), Data(), new TrainingOptions(0.1, 5), [new EpochGroup("a")], log);

        Assert.NotSame(log, trainer.Log);
        Assert.Equal(["a_epoch", "a_seven"], trainer.Log.Columns);
    }

    [Fact]
    public void Constructor_NoLog_ANewLogOfTheLoggedEpochs()
    {
        var trainer = new Trainer(Model(), Data(), new TrainingOptions(0.1, 10, 4), [new EpochGroup("a")]);

        Assert.Equal(4, trainer.Log.Capacity);
        Assert.Equal(0, trainer.Log.Count);
    }

    [Fact]
    public void Run_DivergingAtEpochZero_ItsRowHoldsTheMeasuredLossAndAccuracyAndNaNElsewhere()
    {
        var model = Overflowing();
        var data = Data();
        var pass = new BatchPass(Deep, data.Train.Count);
        pass.Forward(model, data.Train.X);
        double loss = pass.Loss(data.Train.Y), accuracy = pass.Accuracy(data.Train.Y);

        var result = new Trainer(model, data, new TrainingOptions(0.1, 5), [new EpochGroup("a"), new CoreMetrics(Deep)]).Run();

        Assert.Equal(0, result.DivergedAt);
        Assert.True(result.Diverged);
        Assert.Equal(1, result.Log.Count);
        Assert.Equal(0, result.Log.Epoch(0));
        Assert.True(double.IsNaN(loss));
        Assert.True(double.IsNaN(result.Log[0, "train_loss"]));
        Assert.Equal(accuracy, result.Log[0, "train_acc"]);
        foreach (string column in result.Log.Columns.Where(c => c is not ("train_loss" or "train_acc")))
            Assert.True(double.IsNaN(result.Log[0, column]), column);
    }

    [Fact]
    public void Run_DivergingAtALaterEpoch_ItsRowHoldsThatEpochsLossAndAccuracy()
    {
        // Tanh at lr 1e50 (DivergenceRuleTests): finite but absurd losses after the first steps.
        var arch = Architecture.Parse("2,16,16,1");
        var data = Xor.Split(Xor.Generate(300, 0.1, 42), 0.25, 42);
        Mlp Fresh() => Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 42);
        var result = new Trainer(Fresh(), data, new TrainingOptions(1e50, 20), [new CoreMetrics(arch)]).Run();
        int at = result.DivergedAt!.Value;
        Assert.InRange(at, 1, 19);

        // The same run stopped just before that epoch leaves the parameters the diverging epoch measured.
        var model = Fresh();
        new Trainer(model, data, new TrainingOptions(1e50, at), [new CoreMetrics(arch)]).Run();
        var pass = new BatchPass(arch, data.Train.Count);
        pass.Forward(model, data.Train.X);

        int last = result.Log.Count - 1;
        Assert.Equal(at, result.Log.Epoch(last));
        Assert.Equal(pass.Loss(data.Train.Y), result.Log[last, "train_loss"]);
        Assert.Equal(pass.Accuracy(data.Train.Y), result.Log[last, "train_acc"]);
        Assert.True(double.IsNaN(result.Log[last, "test_loss"]));
        Assert.True(double.IsNaN(result.Log[last, "grad_norm_L1"]));
    }

    [Fact]
    public void Run_DivergingWithoutCoreColumns_ARowOfNaN()
    {
        var result = new Trainer(Overflowing(), Data(), new TrainingOptions(0.1, 5), [new EpochGroup("a")]).Run();

        Assert.Equal(0, result.DivergedAt);
        Assert.Equal(1, result.Log.Count);
        Assert.True(double.IsNaN(result.Log[0, "a_epoch"]));
        Assert.True(double.IsNaN(result.Log[0, "a_seven"]));
    }

    [Fact]
    public void Run_Finished_NotDiverged()
    {
        var result = new Trainer(Model(), Data(), new TrainingOptions(0.1, 3), [new EpochGroup("a")]).Run();

        Assert.Null(result.DivergedAt);
        Assert.False(result.Diverged);
    }
}
