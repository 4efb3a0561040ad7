using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Diagnostics;
using GradFlow.Model;
using GradFlow.Numerics;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Diagnostics;

/// <summary>The metric group inside real training: its values against a slow recomputation, and its allocations.</summary>
public sealed class GradientFlowMetricsTrainingTests
{
    private const double DerivEps = 1e-3, ZLinearEps = 0.1, LearningRate = 0.05;

    [Fact]
    public void Trainer_ReluNetWithADeadUnit_LogsMetricsEqualToASlowRecomputationOfEachEpoch()
    {
        var arch = new Architecture([2, 8, 8, 1]);
        var relu = Activation<Relu>.Instance;
        var split = Xor.Split(Xor.Generate(80, 0.1, 5), 0.25, 5);
        var model = Mlp.Init(arch, relu, InitScheme.Xavier, 1.0, 3);
        model.Layers[0].Bias[2] = -100; // unit 3 of layer 1: z < 0 on every row, no gradient: dead for good
        var initial = model.Clone();
        const int epochs = 25;

        var trainer = new Trainer(model, split, new TrainingOptions(LearningRate, epochs),
            [new CoreMetrics(arch), new GradientFlowMetrics(arch, relu, split.Train.Count, DerivEps, ZLinearEps)]);
        var log = trainer.Run().Log;
        Assert.True(log.HasColumn("train_loss") && log.HasColumn("dead_units_L1"));

        // Replay the same epochs on a copy of the initial model and recompute the metrics the slow way:
        // φ′ from the activation's Derivative (not the pass's cache), full sorts, per-element predicates.
        var replay = initial.Clone();
        var pass = new BatchPass(arch, split.Train.Count);
        var train = split.Train;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            pass.Forward(replay, train.X);
            var z = Enumerable.Range(0, arch.HiddenLayerCount).Select(l => pass.PreActivation(l).ToArray()).ToArray();
            var dphi = z.Select(layer => layer.Select(relu.Derivative).ToArray()).ToArray();
            var allZ = z.SelectMany(v => v).ToArray();
            var allDphi = dphi.SelectMany(v => v).ToArray();
            string at = $"epoch {epoch}";

            for (int l = 0; l < arch.HiddenLayerCount; l++)
            {
                int width = arch.Widths[l + 1], rows = train.Count;
                int dead = Enumerable.Range(0, width).Count(j => Enumerable.Range(0, rows).All(r => Math.Abs(dphi[l][j * rows + r]) < DerivEps));
                Assert.True((double)dead / width == log[epoch, $"dead_units_L{l + 1}"], $"{at}: dead_units_L{l + 1}");
                Assert.True((double)z[l].Count(relu.IsInLimit) / z[l].Length == log[epoch, $"limit_rate_L{l + 1}"], $"{at}: limit_rate_L{l + 1}");
                Assert.True(NumPyPercentileBySorting(z[l].Select(Math.Abs), 90) == log[epoch, $"z_p90_abs_L{l + 1}"], $"{at}: z_p90_abs_L{l + 1}");
            }
            Assert.True(log[epoch, "dead_units_L1"] >= 1.0 / 8, $"{at}: the unit with bias −100 must count as dead");
            Assert.True((double)allZ.Count(relu.IsInLimit) / allZ.Length == log[epoch, "limit_rate"], $"{at}: limit_rate");
            Assert.True((double)allDphi.Count(d => Math.Abs(d) < DerivEps) / allDphi.Length == log[epoch, "dphi_small_rate"], $"{at}: dphi_small_rate");
            Assert.True((double)allZ.Count(v => Math.Abs(v) <= ZLinearEps) / allZ.Length == log[epoch, "z_near0_rate"], $"{at}: z_near0_rate");
            Assert.True(NumPyPercentileBySorting(allDphi.Select(Math.Abs), 10) == log[epoch, "dphi_p10_abs"], $"{at}: dphi_p10_abs");
            Assert.True(NumPyPercentileBySorting(allDphi.Select(Math.Abs), 1) == log[epoch, "dphi_p01_abs"], $"{at}: dphi_p01_abs");
            Assert.True(NumPyPercentileBySorting(allZ.Select(Math.Abs), 90) == log[epoch, "z_p90_abs"], $"{at}: z_p90_abs");
            Assert.Equal(allZ.Average(Math.Abs), log[epoch, "z_mean_abs"], 1e-12);
            Assert.Equal(allDphi.Average(Math.Abs), log[epoch, "dphi_mean_abs"], 1e-12);
            Assert.Equal(allDphi.Average(d => Math.Log(Math.Abs(d) + 1e-12)), log[epoch, "dphi_log_mean"], 1e-9);

            pass.Backward(replay, train.Y);
            for (int l = 0; l < arch.LayerCount; l++)
            {
                double norm = Math.Sqrt(pass.Delta(l).ToArray().Sum(d => d * d));
                Assert.Equal(norm, log[epoch, $"delta_norm_L{l + 1}"], 1e-12 * Math.Max(1, norm));
            }
            pass.Step(replay, LearningRate);
        }
    }

    // Long enough for the percentile trackers to follow the drift of every percentile through training
    // (a fallback only at the start), with its value checked exactly every epoch; dphi_log_mean is the
    // layers' SumOfLogs in layer order over the element count, to the bit.
    [Theory]
    [InlineData("tanh", 0.5)]
    [InlineData("relu", 2.0)]
    [InlineData("arctan", 1.0)]
    public void Trainer_PaperNetOverManyEpochs_LogsExactPercentilesAndLogMeanEveryEpoch(string activationName, double scale)
    {
        var arch = new Architecture([2, 16, 16, 1]);
        var activation = ActivationRegistry.Get(activationName);
        var split = Xor.Split(Xor.Generate(300, 0.1, 2), 0.25, 2);
        var model = Mlp.Init(arch, activation, InitScheme.Xavier, scale, 2);
        var initial = model.Clone();
        const int epochs = 150;
        var log = new Trainer(model, split, new TrainingOptions(LearningRate, epochs),
            [new GradientFlowMetrics(arch, activation, split.Train.Count)]).Run().Log;

        var replay = initial.Clone();
        var pass = new BatchPass(arch, split.Train.Count);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            pass.Forward(replay, split.Train.X);
            var absZ = Enumerable.Range(0, 2).Select(l => pass.PreActivation(l).ToArray().Select(Math.Abs).ToArray()).ToArray();
            var absD = Enumerable.Range(0, 2).Select(l => pass.PhiPrime(l).ToArray().Select(Math.Abs).ToArray()).ToArray();
            string at = $"{activationName} epoch {epoch}";
            for (int l = 0; l < 2; l++)
                Assert.True(NumPyPercentileBySorting(absZ[l], 90) == log[epoch, $"z_p90_abs_L{l + 1}"], $"{at}: z_p90_abs_L{l + 1}");
            Assert.True(NumPyPercentileBySorting(absZ.SelectMany(v => v), 90) == log[epoch, "z_p90_abs"], $"{at}: z_p90_abs");
            Assert.True(NumPyPercentileBySorting(absD.SelectMany(v => v), 10) == log[epoch, "dphi_p10_abs"], $"{at}: dphi_p10_abs");
            Assert.True(NumPyPercentileBySorting(absD.SelectMany(v => v), 1) == log[epoch, "dphi_p01_abs"], $"{at}: dphi_p01_abs");
            double logSum = VectorMath.SumOfLogs(absD[0], GradientFlowMetrics.LogFloor) + VectorMath.SumOfLogs(absD[1], GradientFlowMetrics.LogFloor);
            Assert.True(logSum / (absD[0].Length + absD[1].Length) == log[epoch, "dphi_log_mean"], $"{at}: dphi_log_mean");
            pass.Backward(replay, split.Train.Y);
            pass.Step(replay, LearningRate);
        }
    }

    private static double NumPyPercentileBySorting(IEnumerable<double> values, double q) => SortedPercentileModel.Of(values, q);

    [Theory]
    [InlineData("relu")]
    [InlineData("tanh")]
    public void Write_AfterWarmUp_AllocatesNothingPerEpoch(string activationName)
    {
        var arch = new Architecture([2, 16, 16, 1]);
        var activation = ActivationRegistry.Get(activationName);
        var data = Xor.Split(Xor.Generate(300, 0.1, 1), 0.25, 1).Train;
        var model = Mlp.Init(arch, activation, InitScheme.Xavier, 1.0, 1);
        var pass = new BatchPass(arch, data.Count);
        pass.Forward(model, data.X);
        pass.Backward(model, data.Y);
        var state = new EpochState(model, pass);
        var metrics = new GradientFlowMetrics(arch, activation, data.Count);
        var row = new double[metrics.Columns.Count];
        for (int i = 0; i < 50; i++) metrics.Write(state, row);

        // A JIT tier-up under load can charge a one-off allocation to one batch; an allocation per call shows in
        // every batch, so three batches keep the test able to fail.
        long allocated = 0;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 500; i++) metrics.Write(state, row);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0) return;
        }
        Assert.Fail($"500 calls of Write allocated {allocated} B (on each of 3 attempts)");
    }

    [Fact]
    public void Write_ModelWithAnotherActivation_Throws()
    {
        var arch = new Architecture([2, 3, 1]);
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 1);
        var data = Xor.Generate(4, 0.1, 1);
        var pass = new BatchPass(arch, data.Count);
        pass.Forward(model, data.X);
        var metrics = new GradientFlowMetrics(arch, Activation<Relu>.Instance, data.Count);
        Assert.Throws<ArgumentException>(() => metrics.Write(new EpochState(model, pass), new double[metrics.Columns.Count]));
    }
}
