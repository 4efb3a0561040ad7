namespace GradFlow.Training;

/// <summary>Full-batch gradient descent: a fixed learning rate for a fixed number of epochs.</summary>
public sealed record TrainingOptions
{
    public TrainingOptions(double learningRate, int epochs, int logEvery = 1)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learning rate must be a finite number > 0");
        if (epochs <= 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be a positive integer");
        if (logEvery <= 0) throw new ArgumentOutOfRangeException(nameof(logEvery), logEvery, "log-every must be a positive integer");
        LearningRate = learningRate;
        Epochs = epochs;
        LogEvery = logEvery;
    }

    public double LearningRate { get; }
    public int Epochs { get; }

    /// <summary>Record every K-th epoch, and always the last.</summary>
    public int LogEvery { get; }

    public bool IsLogged(int epoch) => epoch % LogEvery == 0 || epoch == Epochs - 1;

    public int LoggedEpochCount => (Epochs - 1) / LogEvery + 1 + ((Epochs - 1) % LogEvery == 0 ? 0 : 1);
}
