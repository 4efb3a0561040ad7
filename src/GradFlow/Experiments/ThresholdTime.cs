namespace GradFlow.Experiments;

/// <summary>
/// Time to one accuracy threshold across a setting's seeds: how many never reach it, the median first
/// epoch of those that do (NaN when none does), and the censored median that counts "never" as the
/// epoch budget.
/// </summary>
public sealed record ThresholdTime(double Threshold, int Never, double Median, double MedianWithBudget);
