namespace GradFlow.Experiments;

/// <summary>
/// One row of stats.csv (long format): a statistic of one setting, or of a pair of activations at the
/// same init and scale (<paramref name="Other"/> names the second one).
/// </summary>
public sealed record StatRow(string Init, double Scale, string Activation, string Other, string Metric, string Statistic, double Value);
