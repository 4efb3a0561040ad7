using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GradFlow.Experiments;

namespace GradFlow.Bench;

/// <summary>
/// One run of the `deep` preset ([2, 32×8, 1], Xavier at scale 1, seed 0, 3000 epochs, every metric every
/// epoch, nothing written): the seconds per deep run. A run is seconds long, so one warm-up suffices.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DeepRunBenchmark
{
    private AblationSpec _spec = null!;
    private RunKey _key = null!;

    [Params("tanh", "relu")]
    public string Activation { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _spec = Presets.Deep with { Activations = [Activation], Inits = ["xavier"], Seeds = [0] };
        _key = _spec.Runs()[0];
    }

    [Benchmark]
    public RunResult DeepRun() => RunExecutor.Execute(_spec, _key);
}
