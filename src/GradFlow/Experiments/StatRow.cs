namespace GradFlow.Experiments;

/// <summary>
/// One row of stats.csv (long format): a statistic of one setting, or of a pair of activations at the
/// same init, scale and learning rate (<paramref name="Other"/> names the second one). <paramref name="LearningRate"/>
/// is set only on a sweep over more than one rate, whose stats.csv then has an lr column.
/// </summary>
public sealed record StatRow(string Init, double Scale, string Activation, string Other, string Metric, string Statistic, double Value, double? LearningRate = null);
