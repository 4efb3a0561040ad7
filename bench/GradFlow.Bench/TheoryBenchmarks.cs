using BenchmarkDotNet.Attributes;
using GradFlow.Experiments;

namespace GradFlow.Bench;

/// <summary>
/// The report's theory beside measurement for one setting of the paper preset: the data-aware mean-field
/// maps of its ten seeds' networks (225 training rows each, per row E[φ²] and E[φ′²] for each hidden layer
/// and E[σ²] at the output), as <c>TheoryComparison</c> computes them for each of the sweep's twelve settings.
/// </summary>
[MemoryDiagnoser]
public class TheoryBenchmarks
{
    [Params("tanh", "relu")]
    public string Activation { get; set; } = "tanh";

    [Benchmark]
    public double ForSetting()
    {
        var setting = new SettingKey(Activation, "xavier", 1.0);
        return TheoryPredictions.ForSetting(Presets.Paper, setting).DeltaRel(1);
    }
}
