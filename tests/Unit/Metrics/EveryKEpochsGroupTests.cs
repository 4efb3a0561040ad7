using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Metrics;

/// <summary>
/// The path a new metric group takes (curvature every K epochs, NaN otherwise): declarations, a
/// computation class over a <see cref="MetricLayout"/>, and the group passed to the trainer. Here the
/// stand-in metric is ‖W_i‖_F of each layer, declared in the test only.
/// </summary>
public sealed class EveryKEpochsGroupTests
{
    private static readonly Metric WeightNorm = new("test_weight_norm", MetricScope.Layer, "test_every_k",
        "Weight norm of W{i}", "‖W{i}‖ (Frobenius)", "weight units", LogAxis: false, HigherIsBetter: null);

    private sealed class WeightNormEveryK(Architecture arch, int k) : IMetricGroup
    {
        private readonly MetricLayout _layout = new([WeightNorm], arch.LayerCount);

        public IReadOnlyList<string> Columns => _layout.Columns;

        public void Write(EpochState state, Span<double> row)
        {
            for (int l = 0; l < state.Model.Layers.Count; l++)
            {
                var w = state.Model.Layers[l].Weights;
                row[_layout.IndexOf(WeightNorm, l)] = state.Epoch % k == 0 ? Math.Sqrt(w.Sum(x => x * x)) : double.NaN;
            }
        }
    }

    [Fact]
    public void Trainer_GroupEveryThirdEpoch_ValuesOnMultiplesOfKAndNaNBetween()
    {
        var arch = Architecture.Parse("2,4,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);
        var data = Xor.Split(Xor.Generate(20, 0.1, 3), 0.0, 3);
        var trainer = new Trainer(model, data, new TrainingOptions(0.05, 7), [new CoreMetrics(arch, hasTest: false), new WeightNormEveryK(arch, 3)]);

        var log = trainer.Run().Log;

        Assert.Equal(["test_weight_norm_L1", "test_weight_norm_L2"], log.Columns.TakeLast(2));
        for (int r = 0; r < log.Count; r++)
            Assert.Equal(log.Epoch(r) % 3 != 0, double.IsNaN(log[r, "test_weight_norm_L2"]));
        // Epoch 0 is recorded before the first update: the norm of the initial weights.
        var initial = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3).Layers[0].Weights;
        Assert.Equal(Math.Sqrt(initial.Sum(x => x * x)), log[0, "test_weight_norm_L1"]);
    }
}
