namespace GradFlow.Experiments;

/// <summary>
/// The study's time to threshold: the first recorded epoch whose accuracy reaches a threshold, and its
/// summaries over seeds.
/// </summary>
public static class TimeToThreshold
{
    /// <summary>
    /// The first of the recorded <paramref name="epochs"/> whose accuracy is ≥ <paramref name="threshold"/>,
    /// or null if none is. Only the first crossing counts: a later drop below the threshold does not undo it.
    /// Epochs may be sparse (e.g. every 10th); the answer is one of them.
    /// </summary>
    public static int? FirstEpoch(ReadOnlySpan<int> epochs, ReadOnlySpan<double> accuracy, double threshold)
    {
        if (epochs.Length != accuracy.Length)
            throw new ArgumentException(
                $"epochs has {epochs.Length} entries but accuracy has {accuracy.Length}; they must pair up", nameof(accuracy));
        for (int i = 0; i < accuracy.Length; i++)
            if (accuracy[i] >= threshold) return epochs[i]; // NaN never compares ≥, so it never counts
        return null;
    }

    /// <summary>
    /// <c>count_never</c> (seeds that never reach the threshold) and the <c>np.median</c> of the first
    /// epochs of the seeds that do; the median is NaN when no seed does.
    /// </summary>
    public static TimeToThresholdSummary Summarize(ReadOnlySpan<int?> firstEpochs)
    {
        var reached = new List<double>(firstEpochs.Length);
        foreach (int? e in firstEpochs)
            if (e is int epoch) reached.Add(epoch);
        int never = firstEpochs.Length - reached.Count;
        return new TimeToThresholdSummary(firstEpochs.Length, never, Quantile.Median(reached.ToArray()));
    }

    /// <summary>
    /// The study's censored median: <c>np.median</c> over all seeds, a seed that never reaches the
    /// threshold counting as <paramref name="budget"/> (the run's number of epochs). NaN for no seeds.
    /// </summary>
    public static double MedianWithBudget(ReadOnlySpan<int?> firstEpochs, int budget)
    {
        var values = new double[firstEpochs.Length];
        for (int i = 0; i < values.Length; i++) values[i] = firstEpochs[i] ?? budget;
        return Quantile.Median(values);
    }
}
