using GradFlow.Model;

namespace GradFlow.Training;

/// <summary>
/// What one epoch leaves for the metrics, before its update: the training pass's caches and
/// gradients, and the losses and accuracies on train and test with the same parameters.
/// </summary>
public sealed class EpochState
{
    internal EpochState(Mlp model, BatchPass train) { Model = model; Train = train; }

    public Mlp Model { get; }

    /// <summary>The training forward and backward pass of this epoch.</summary>
    public BatchPass Train { get; }

    public int Epoch { get; internal set; }
    public double TrainLoss { get; internal set; }
    public double TrainAccuracy { get; internal set; }

    /// <summary>NaN when the spec has no test split.</summary>
    public double TestLoss { get; internal set; }
    public double TestAccuracy { get; internal set; }
}
