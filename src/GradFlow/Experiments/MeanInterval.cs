namespace GradFlow.Experiments;

/// <summary>The mean of a setting's final accuracies and its seeded 95 % percentile-bootstrap interval.</summary>
public sealed record MeanInterval(double Mean, double Low, double High);
