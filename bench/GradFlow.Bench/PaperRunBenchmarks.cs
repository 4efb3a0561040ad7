using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GradFlow.Experiments;

namespace GradFlow.Bench;

/// <summary>
/// One whole run of the paper preset's network ([2,16,16,1], 225 train + 75 test, 3000 epochs, every
/// core metric every epoch): the time per epoch is the reported mean divided by <see cref="Epochs"/>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class PaperRunBenchmarks
{
    public const int Epochs = 3000;
    private AblationSpec _spec = null!;
    private RunKey _key = null!;

    [Params("relu", "tanh", "arctan", "softsign")]
    public string Name { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _spec = Presets.Paper with { Activations = [Name], Scales = [1.0], Seeds = [0], Epochs = Epochs };
        _key = _spec.Runs()[0];
    }

    [Benchmark]
    public RunResult PaperRun() => RunExecutor.Execute(_spec, _key);
}
