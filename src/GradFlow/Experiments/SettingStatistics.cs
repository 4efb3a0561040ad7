namespace GradFlow.Experiments;

/// <summary>One setting's statistics: time to each threshold, and the final interval when some seed finished.</summary>
public sealed record SettingStatistics(SettingKey Setting, IReadOnlyList<ThresholdTime> TimeToThreshold, MeanInterval? Final)
{
    /// <summary>The time to <paramref name="threshold"/>; throws when it was not computed.</summary>
    public ThresholdTime At(double threshold) =>
        TimeToThreshold.FirstOrDefault(t => t.Threshold == threshold)
        ?? throw new KeyNotFoundException($"no time to threshold {threshold} for {Setting}");
}
