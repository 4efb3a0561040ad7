using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Training;

/// <summary>
/// train (and, with a test split, test) loss and accuracy, and per layer i (1-based, as the study's W1, W2, ...) the weight
/// gradient's Frobenius norm <c>grad_norm_L{i}</c> and RMS <c>grad_rms_L{i}</c>.
/// </summary>
public sealed class CoreMetrics : IMetricGroup
{
    private readonly int _first;

    public CoreMetrics(Architecture arch, bool hasTest = true)
    {
        var cols = new List<string> { "train_loss", "train_acc" };
        if (hasTest) cols.AddRange(["test_loss", "test_acc"]);
        _first = cols.Count;
        for (int i = 1; i <= arch.LayerCount; i++) cols.Add($"grad_norm_L{i}");
        for (int i = 1; i <= arch.LayerCount; i++) cols.Add($"grad_rms_L{i}");
        Columns = cols;
    }

    public IReadOnlyList<string> Columns { get; }

    public void Write(EpochState state, Span<double> row)
    {
        row[0] = state.TrainLoss;
        row[1] = state.TrainAccuracy;
        if (_first == 4)
        {
            row[2] = state.TestLoss;
            row[3] = state.TestAccuracy;
        }
        int layers = state.Train.LayerCount;
        for (int l = 0; l < layers; l++)
        {
            var g = state.Train.GradW(l);
            double sumSq = Kernels.SumOfSquares(g);
            row[_first + l] = Math.Sqrt(sumSq);
            row[_first + layers + l] = Math.Sqrt(sumSq / g.Length);
        }
    }
}
