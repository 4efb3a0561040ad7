using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Diagnostics;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Experiments;

/// <summary>One run from its key: data, split and weights from default_rng(seed), then training.</summary>
public static class RunExecutor
{
    public static RunResult Execute(AblationSpec spec, RunKey key) => Execute(spec, key, CancellationToken.None);

    /// <summary>One run, stopped within an epoch of <paramref name="cancellation"/> (OperationCanceledException).</summary>
    public static RunResult Execute(AblationSpec spec, RunKey key, CancellationToken cancellation)
    {
        var arch = spec.Architecture;
        var activation = ActivationRegistry.Get(key.Activation);
        var data = Xor.Generate(spec.N, spec.Noise, key.Seed, spec.RelabelAfterNoise);
        var split = Xor.Split(data, spec.TestSize, key.Seed);
        var model = Mlp.Init(arch, activation, InitSchemes.Parse(key.Init), key.Scale, key.Seed);
        var trainer = new Trainer(model, split, new TrainingOptions(spec.LearningRate, spec.Epochs, spec.LogEvery), MetricGroups(spec, activation, split.Train.Count));
        var result = trainer.Run(cancellation);
        return new RunResult(key, result.Log, result.DivergedAt);
    }

    /// <summary>The metric columns a run of <paramref name="activation"/> records under <paramref name="spec"/>.</summary>
    public static IReadOnlyList<string> Columns(AblationSpec spec, string activation)
    {
        return MetricGroups(spec, ActivationRegistry.Get(activation), spec.N - Xor.TestRows(spec.N, spec.TestSize)).SelectMany(g => g.Columns).ToArray();
    }

    /// <summary>Every metric a sweep records, in column order.</summary>
    public static IReadOnlyList<IMetricGroup> MetricGroups(AblationSpec spec, Activation activation, int trainCount) =>
    [
        new CoreMetrics(spec.Architecture, spec.HasTestSplit),
        new GradientFlowMetrics(spec.Architecture, activation, trainCount, spec.DerivEps, spec.ZLinearEps),
    ];
}
