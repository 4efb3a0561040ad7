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

    /// <summary>
    /// Threads that may split one layer's products (outputs only, never a sum), for a run that has cores to
    /// itself; the results are the same bits for any count. 1 (the default) keeps a run on its own thread.
    /// </summary>
    public int KernelThreads
    {
        get => _kernelThreads;
        init
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(KernelThreads), value, "kernel threads must be a positive integer");
            _kernelThreads = value;
        }
    }

    private readonly int _kernelThreads = 1;

    public bool IsLogged(int epoch) => epoch % LogEvery == 0 || epoch == Epochs - 1;

    public int LoggedEpochCount => (Epochs - 1) / LogEvery + 1 + ((Epochs - 1) % LogEvery == 0 ? 0 : 1);
}
