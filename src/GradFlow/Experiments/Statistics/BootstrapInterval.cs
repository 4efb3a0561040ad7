namespace GradFlow.Experiments;

/// <summary>
/// A percentile bootstrap confidence interval of a mean: the sample mean, the interval [Low, High] at
/// confidence <see cref="Level"/> (e.g. 0.95), and the number of resamples it was drawn from.
/// </summary>
public sealed record BootstrapInterval(double Mean, double Low, double High, int Resamples, double Level);
