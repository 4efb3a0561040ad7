using BenchmarkDotNet.Attributes;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Diagnostics;
using GradFlow.Model;
using GradFlow.Numerics;
using GradFlow.Training;

namespace GradFlow.Bench;

/// <summary>
/// One training epoch of the paper preset's net, [2, 16, 16, 1] on 225 training and 75 test rows, in
/// the trainer's order (forward → loss, accuracy → backward → test forward → metrics → update), and its
/// parts. Every invocation starts from the same parameters, those after <see cref="PretrainEpochs"/>
/// epochs, so that the state (saturation, dead units) is a mid-run one and does not drift. (The
/// percentile trackers of the metrics then meet the same values every epoch, as in a training run,
/// where they drift by a few ranks per epoch: a run's first epoch is the only one they select in full.)
/// </summary>
[MemoryDiagnoser]
public class EpochBenchmarks
{
    private const int PretrainEpochs = 1000;
    private const double LearningRate = 0.05;

    private Mlp _model = null!;
    private Layer[] _snapshot = null!;
    private DataSplit _data = null!;
    private BatchPass _train = null!, _test = null!;
    private EpochState _state = null!;
    private CoreMetrics _core = null!;
    private GradientFlowMetrics _flow = null!;
    private double[] _coreRow = null!, _flowRow = null!;
    private double[] _pooledDphi = null!, _pooledZ = null!, _scratch = null!;

    [Params("tanh", "relu")]
    public string Activation { get; set; } = "tanh";

    /// <summary>Rows: the row kernels on every layer, the baseline measured side by side with the choice by shape.</summary>
    [Params(KernelPath.ByShape, KernelPath.Rows)]
    public KernelPath Kernels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var arch = new Architecture([2, 16, 16, 1]);
        var activation = ActivationRegistry.Get(Activation);
        _data = Xor.Split(Xor.Generate(300, 0.1, 0), 0.25, 0);
        _model = Mlp.Init(arch, activation, InitScheme.Xavier, 1.0, 0);
        _train = new BatchPass(arch, _data.Train.Count, Kernels);
        _test = new BatchPass(arch, _data.Test.Count, Kernels);
        for (int e = 0; e < PretrainEpochs; e++)
        {
            _train.Forward(_model, _data.Train.X);
            _train.Backward(_model, _data.Train.Y);
            _train.Step(_model, LearningRate);
        }
        _snapshot = _model.Layers.Select(l => l.Clone()).ToArray();
        _state = new EpochState(_model, _train);
        _core = new CoreMetrics(arch);
        _flow = new GradientFlowMetrics(arch, activation, _data.Train.Count);
        _coreRow = new double[_core.Columns.Count];
        _flowRow = new double[_flow.Columns.Count];

        // The pooled |φ′| and |z| of the snapshot's training pass, for the sort-versus-selection pair.
        Restore();
        _train.Forward(_model, _data.Train.X);
        _train.Backward(_model, _data.Train.Y);
        _pooledDphi = Pooled(l => _train.PhiPrime(l), arch);
        _pooledZ = Pooled(l => _train.PreActivation(l), arch);
        _scratch = new double[_pooledDphi.Length];
    }

    private delegate ReadOnlySpan<double> LayerCache(int l);

    private static double[] Pooled(LayerCache cache, Architecture arch)
    {
        var all = new List<double>();
        for (int l = 0; l < arch.HiddenLayerCount; l++)
            foreach (var v in cache(l)) all.Add(Math.Abs(v));
        return all.ToArray();
    }

    private void Restore()
    {
        for (int l = 0; l < _snapshot.Length; l++)
        {
            _snapshot[l].Weights.CopyTo(_model.Layers[l].Weights, 0);
            _snapshot[l].Bias.CopyTo(_model.Layers[l].Bias, 0);
        }
    }

    /// <summary>The whole epoch, every metric of the study: what a sweep pays per epoch and run.</summary>
    [Benchmark(Baseline = true)]
    public double Epoch()
    {
        Restore();
        var train = _data.Train;
        _train.Forward(_model, train.X);
        _state.TrainLoss = _train.Loss(train.Y);
        _state.TrainAccuracy = _train.Accuracy(train.Y);
        _train.Backward(_model, train.Y);
        _test.Forward(_model, _data.Test.X);
        _state.TestLoss = _test.Loss(_data.Test.Y);
        _state.TestAccuracy = _test.Accuracy(_data.Test.Y);
        _core.Write(_state, _coreRow);
        _flow.Write(_state, _flowRow);
        _train.Step(_model, LearningRate);
        return _flowRow[0];
    }

    /// <summary>The same epoch without the gradient-flow metrics (CoreMetrics kept).</summary>
    [Benchmark]
    public double EpochWithoutGradientFlow()
    {
        Restore();
        var train = _data.Train;
        _train.Forward(_model, train.X);
        _state.TrainLoss = _train.Loss(train.Y);
        _state.TrainAccuracy = _train.Accuracy(train.Y);
        _train.Backward(_model, train.Y);
        _test.Forward(_model, _data.Test.X);
        _state.TestLoss = _test.Loss(_data.Test.Y);
        _state.TestAccuracy = _test.Accuracy(_data.Test.Y);
        _core.Write(_state, _coreRow);
        _train.Step(_model, LearningRate);
        return _coreRow[0];
    }

    [Benchmark]
    public void TrainForward() => _train.Forward(_model, _data.Train.X);

    [Benchmark]
    public double TrainLossAndAccuracy() => _train.Loss(_data.Train.Y) + _train.Accuracy(_data.Train.Y);

    [Benchmark]
    public void TrainBackward() => _train.Backward(_model, _data.Train.Y);

    [Benchmark]
    public double TestForwardLossAccuracy()
    {
        _test.Forward(_model, _data.Test.X);
        return _test.Loss(_data.Test.Y) + _test.Accuracy(_data.Test.Y);
    }

    [Benchmark]
    public void CoreMetricsWrite() => _core.Write(_state, _coreRow);

    /// <summary>GradientFlowMetrics.Write alone, on the caches of the last pass.</summary>
    [Benchmark]
    public void GradientFlowMetricsWrite() => _flow.Write(_state, _flowRow);

    /// <summary>The activation's limit predicate over both hidden layers: one virtual call per layer, per-element work inside.</summary>
    [Benchmark]
    public int LimitCountBothLayers() => _model.Activation.CountInLimit(_train.PreActivation(0)) + _model.Activation.CountInLimit(_train.PreActivation(1));

    /// <summary>Math.Log of every pooled |φ′| + 1e-12, the floor of dphi_log_mean's cost when no argument repeats.</summary>
    [Benchmark]
    public double LogOfEveryPooledDphi()
    {
        double sum = 0;
        foreach (double d in _pooledDphi) sum += Math.Log(d + GradientFlowMetrics.LogFloor);
        return sum;
    }

    /// <summary>The same sum as dphi_log_mean takes it now: VectorMath.SumOfLogs (exponents summed, mantissas multiplied, one log per lane).</summary>
    [Benchmark]
    public double SumOfLogsOfPooledDphi() => VectorMath.SumOfLogs(_pooledDphi, GradientFlowMetrics.LogFloor);

    [Benchmark]
    public void Step()
    {
        Restore();
        _train.Step(_model, LearningRate);
    }

    /// <summary>p10 and p01 of the pooled |φ′| (7,200 values) by a full Array.Sort, the copy included.</summary>
    [Benchmark]
    public double PooledDphiP10P01_FullSort()
    {
        _pooledDphi.CopyTo(_scratch, 0);
        Array.Sort(_scratch);
        return FromSorted(_scratch, 10) + FromSorted(_scratch, 1);
    }

    /// <summary>The same two percentiles by selection with a shared partition, the copy included.</summary>
    [Benchmark]
    public double PooledDphiP10P01_Selection()
    {
        _pooledDphi.CopyTo(_scratch, 0);
        var (p10, p01) = Percentile.OfInPlace(_scratch, 10, 1);
        return p10 + p01;
    }

    [Benchmark]
    public double PooledZP90_FullSort()
    {
        _pooledZ.CopyTo(_scratch, 0);
        Array.Sort(_scratch);
        return FromSorted(_scratch, 90);
    }

    [Benchmark]
    public double PooledZP90_Selection()
    {
        _pooledZ.CopyTo(_scratch, 0);
        return Percentile.OfInPlace(_scratch, 90);
    }

    private static double FromSorted(double[] sorted, double q)
    {
        int n = sorted.Length;
        double index = (n - 1) * (q / 100.0);
        if (index >= n - 1) return sorted[n - 1];
        int lo = (int)Math.Floor(index);
        return Percentile.Lerp(sorted[lo], sorted[lo + 1], index - lo);
    }
}
