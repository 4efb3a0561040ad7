namespace GradFlow.Experiments;

/// <summary>
/// Per recorded epoch, the mean and population standard deviation of every metric across the
/// setting's seeds that did not diverge (the study's np.mean / np.std).
/// </summary>
public sealed record SettingSummary(
    SettingKey Setting,
    IReadOnlyList<string> Metrics,
    int[] Epochs,
    double[][] Mean,
    double[][] Std,
    int SeedCount,
    int DivergedCount)
{
    /// <summary>The mean of <paramref name="metric"/> at every recorded epoch.</summary>
    public double[] MeanOf(string metric) => Mean[IndexOf(metric)];

    public double[] StdOf(string metric) => Std[IndexOf(metric)];

    private int IndexOf(string metric)
    {
        for (int i = 0; i < Metrics.Count; i++)
            if (Metrics[i] == metric) return i;
        throw new KeyNotFoundException($"unknown metric '{metric}'; recorded: {string.Join(", ", Metrics)}");
    }
}
