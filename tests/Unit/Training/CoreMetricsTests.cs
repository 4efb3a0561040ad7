using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Training;

/// <summary>The core group's columns and values, against a pass run by the test and norms summed by hand.</summary>
public sealed class CoreMetricsTests
{
    private static readonly Architecture Arch = Architecture.Parse("2,3,4,1");

    private static Mlp Model() => Mlp.Init(Arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 9);

    [Fact]
    public void Columns_WithTest_LossesAccuraciesThenPerLayerNormsAndRms() =>
        Assert.Equal(["train_loss", "train_acc", "test_loss", "test_acc", "grad_norm_L1", "grad_norm_L2", "grad_norm_L3", "grad_rms_L1", "grad_rms_L2", "grad_rms_L3"],
            new CoreMetrics(Arch).Columns);

    [Fact]
    public void Columns_WithoutTest_NoTestColumns() =>
        Assert.Equal(["train_loss", "train_acc", "grad_norm_L1", "grad_norm_L2", "grad_norm_L3", "grad_rms_L1", "grad_rms_L2", "grad_rms_L3"],
            new CoreMetrics(Arch, hasTest: false).Columns);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_FirstRow_NormsAndRmsOfTheFirstPassWeightGradients(bool hasTest)
    {
        var data = Xor.Split(Xor.Generate(30, 0.1, 2), hasTest ? 0.2 : 0.0, 2);
        var model = Model();
        var pass = new BatchPass(Arch, data.Train.Count);
        pass.Forward(model, data.Train.X);
        double loss = pass.Loss(data.Train.Y), accuracy = pass.Accuracy(data.Train.Y);
        pass.Backward(model, data.Train.Y);
        var norms = new double[3];
        var rms = new double[3];
        for (int l = 0; l < 3; l++)
        {
            double sum = 0;
            foreach (double g in pass.GradW(l)) sum += g * g;
            norms[l] = Math.Sqrt(sum);
            rms[l] = Math.Sqrt(sum / pass.GradW(l).Length);
        }

        var log = new Trainer(model, data, new TrainingOptions(0.1, 2), [new CoreMetrics(Arch, hasTest)]).Run().Log;

        Assert.Equal(loss, log[0, "train_loss"]);
        Assert.Equal(accuracy, log[0, "train_acc"]);
        for (int l = 0; l < 3; l++)
        {
            Assert.Equal(norms[l], log[0, $"grad_norm_L{l + 1}"], norms[l] * 1e-13);
            Assert.Equal(rms[l], log[0, $"grad_rms_L{l + 1}"], rms[l] * 1e-13);
            Assert.True(rms[l] < norms[l]);
        }
        Assert.Equal(hasTest, log.HasColumn("test_loss"));
        if (hasTest)
        {
            // The trainer stepped the model in place; the record is of the parameters before the first step.
            var test = new BatchPass(Arch, data.Test.Count);
            test.Forward(Model(), data.Test.X);
            Assert.Equal(test.Loss(data.Test.Y), log[0, "test_loss"]);
            Assert.Equal(test.Accuracy(data.Test.Y), log[0, "test_acc"]);
        }
    }
}
