using BenchmarkDotNet.Attributes;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Numerics;
using GradFlow.Training;

namespace GradFlow.Bench;

/// <summary>
/// One training epoch (forward → loss, accuracy → backward → core metrics → update) of the two
/// large networks, tanh, Xavier, no test split: `deep` [2, 64×16, 1] on 1,024 rows and `wide`
/// [2, 256×4, 1] on 4,096 rows, the shapes the NumPy/PyTorch comparison times. Each invocation starts
/// from the same initial parameters, so the work never drifts.
/// </summary>
[MemoryDiagnoser]
public class LargeEpochBenchmarks
{
    private const double LearningRate = 0.05;

    private Mlp _model = null!;
    private Layer[] _snapshot = null!;
    private DataSplit _data = null!;
    private BatchPass _train = null!;
    private EpochState _state = null!;
    private CoreMetrics _core = null!;
    private double[] _coreRow = null!;

    [Params("deep", "wide")]
    public string Shape { get; set; } = "deep";

    /// <summary>Rows: the row kernels everywhere, the baseline the tiled kernels are measured against side by side.</summary>
    [Params(KernelPath.ByShape, KernelPath.Rows)]
    public KernelPath Kernels { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        var (arch, rows) = Shape switch
        {
            "deep" => (Architecture.Parse("2," + string.Join(',', Enumerable.Repeat(64, 16)) + ",1"), 1024),
            "wide" => (Architecture.Parse("2,256,256,256,256,1"), 4096),
            _ => throw new ArgumentException($"unknown shape {Shape}: deep or wide"),
        };
        _data = Xor.Split(Xor.Generate(rows, 0.1, 0), 0.0, 0);
        _model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 0);
        _snapshot = _model.Layers.Select(l => l.Clone()).ToArray();
        _train = new BatchPass(arch, rows, Kernels, Threads);
        _state = new EpochState(_model, _train);
        _core = new CoreMetrics(arch, hasTest: false);
        _coreRow = new double[_core.Columns.Count];
    }

    [Benchmark]
    public double LargeEpoch()
    {
        for (int l = 0; l < _snapshot.Length; l++)
        {
            _snapshot[l].Weights.CopyTo(_model.Layers[l].Weights, 0);
            _snapshot[l].Bias.CopyTo(_model.Layers[l].Bias, 0);
        }
        var train = _data.Train;
        _train.Forward(_model, train.X);
        _state.TrainLoss = _train.Loss(train.Y);
        _state.TrainAccuracy = _train.Accuracy(train.Y);
        _train.Backward(_model, train.Y);
        _core.Write(_state, _coreRow);
        _train.Step(_model, LearningRate);
        return _coreRow[0];
    }
}
