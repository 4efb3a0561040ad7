using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Diagnostics;
using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Experiments;

/// <summary>One run from its key: data, split and weights from default_rng(seed), then training.</summary>
public static class RunExecutor
{
    public static RunResult Execute(AblationSpec spec, RunKey key) => Execute(spec, key, CancellationToken.None);

    /// <summary>
    /// One run, stopped within an epoch of <paramref name="cancellation"/> (OperationCanceledException); <paramref name="kernelThreads"/> may split its layers (same bits).
    /// It records into <paramref name="log"/> when that log fits (a finished run's log the sweep did not keep), else into a new one.
    /// </summary>
    public static RunResult Execute(AblationSpec spec, RunKey key, CancellationToken cancellation, int kernelThreads = 1, RunLog? log = null)
    {
        var arch = spec.Architecture;
        var activation = ActivationRegistry.Get(key.Activation);
        var data = Xor.Generate(spec.N, spec.Noise, key.Seed, spec.RelabelAfterNoise);
        var split = Xor.Split(data, spec.TestSize, key.Seed);
        var model = Mlp.Init(arch, activation, InitSchemes.Parse(key.Init), key.Scale, key.Seed);
        double rate = spec.RateOf(key.Setting);
        IReadOnlyList<IMetricGroup> groups = MetricGroups(spec, activation, split.Train.Count);
        if (spec.CurvatureEvery > 0)
            groups = [.. groups, new CurvatureMetrics(arch, split.Train, rate, spec.CurvatureEvery, key.Seed), new DynamicsMetrics(model, rate)];
        // Stryker disable once Initializer : only how many threads split the run's layers; the kernels give the same bits for any count (RunExecutorTests.Execute_TwoKernelThreads_GivesTheSameBits) (docs/mutation-survivors.md)
        var trainer = new Trainer(model, split, new TrainingOptions(rate, spec.Epochs, spec.LogEvery) { KernelThreads = kernelThreads }, groups, log);
        var result = trainer.Run(cancellation);
        return new RunResult(key, result);
    }

    /// <summary>The metric columns a run of <paramref name="activation"/> records under <paramref name="spec"/>.</summary>
    public static IReadOnlyList<string> Columns(AblationSpec spec, string activation)
    {
        // Stryker disable once Arithmetic : the train-row count only sizes the metrics' buffers (checked > 0); N − test and N + test are both positive on a validated spec (docs/mutation-survivors.md)
        var columns = MetricGroups(spec, ActivationRegistry.Get(activation), spec.N - Xor.TestRows(spec.N, spec.TestSize)).SelectMany(g => g.Columns);
        if (spec.CurvatureEvery > 0)
            columns = columns.Concat(CurvatureMetrics.Layout(spec.Architecture).Columns).Concat(DynamicsMetrics.Layout(spec.Architecture).Columns);
        return columns.ToArray();
    }

    /// <summary>The metric groups every sweep records, in column order (the curvature and dynamics groups follow when curvature is on).</summary>
    public static IReadOnlyList<IMetricGroup> MetricGroups(AblationSpec spec, Activation activation, int trainCount) =>
    [
        new CoreMetrics(spec.Architecture, spec.HasTestSplit),
        new GradientFlowMetrics(spec.Architecture, activation, trainCount, spec.DerivEps, spec.ZLinearEps),
    ];
}
