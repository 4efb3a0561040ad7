using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Training;

/// <summary>
/// The catalog's core group (<see cref="MetricCatalog.Core"/>): train (and, with a test split, test)
/// loss and accuracy, and per layer i (1-based, as the study's W1, W2, ...) the weight gradient's
/// Frobenius norm <c>grad_norm_L{i}</c> and RMS <c>grad_rms_L{i}</c>.
/// </summary>
public sealed class CoreMetrics : IMetricGroup
{
    private readonly bool _hasTest;
    private readonly int _trainLoss, _trainAcc, _testLoss, _testAcc, _norm, _rms;

    public CoreMetrics(Architecture arch, bool hasTest = true)
    {
        var layout = new MetricLayout(MetricCatalog.Core, arch.LayerCount, hasTest);
        _hasTest = hasTest;
        _trainLoss = layout.IndexOf(MetricCatalog.TrainLoss);
        _trainAcc = layout.IndexOf(MetricCatalog.TrainAccuracy);
        _testLoss = hasTest ? layout.IndexOf(MetricCatalog.TestLoss) : -1;
        _testAcc = hasTest ? layout.IndexOf(MetricCatalog.TestAccuracy) : -1;
        _norm = layout.IndexOf(MetricCatalog.GradNorm);
        _rms = layout.IndexOf(MetricCatalog.GradRms);
        Columns = layout.Columns;
    }

    public IReadOnlyList<string> Columns { get; }

    public void Write(EpochState state, Span<double> row)
    {
        row[_trainLoss] = state.TrainLoss;
        row[_trainAcc] = state.TrainAccuracy;
        if (_hasTest)
        {
            row[_testLoss] = state.TestLoss;
            row[_testAcc] = state.TestAccuracy;
        }
        int layers = state.Train.LayerCount;
        for (int l = 0; l < layers; l++)
        {
            var g = state.Train.GradW(l);
            double sumSq = Kernels.SumOfSquares(g);
            row[_norm + l] = Math.Sqrt(sumSq);
            row[_rms + l] = Math.Sqrt(sumSq / g.Length);
        }
    }
}
