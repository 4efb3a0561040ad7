using BenchmarkDotNet.Attributes;
using GradFlow.Activations;

namespace GradFlow.Bench;

/// <summary>One hidden layer of the paper preset: 16 units × 225 samples through Activation.Apply.</summary>
[MemoryDiagnoser]
public class ActivationApplyBenchmarks
{
    private const int Count = 16 * 225;
    private readonly double[] _z = new double[Count], _a = new double[Count], _dphi = new double[Count];
    private Activation _activation = null!;

    [Params("relu", "tanh", "arctan", "softsign")]
    public string Name { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _activation = ActivationRegistry.Get(Name);
        // Pre-activations of a Xavier-initialised layer sit mostly within a few units of 0.
        var rng = GradFlow.Random.Generator.DefaultRng(0);
        rng.Normal(0, 2, _z);
    }

    [Benchmark]
    public void Apply() => _activation.Apply(_z, _a, _dphi);
}
