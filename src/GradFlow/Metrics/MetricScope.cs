namespace GradFlow.Metrics;

/// <summary>How many columns a metric records: one, one per weight layer, or one per hidden layer.</summary>
public enum MetricScope
{
    /// <summary>One column named after the metric (a pooled or whole-network value).</summary>
    Network,

    /// <summary><c>name_L{i}</c> for every weight layer i = 1 … n, the output layer included (the study's W1 … Wn).</summary>
    Layer,

    /// <summary><c>name_L{i}</c> for every hidden layer i = 1 … n − 1.</summary>
    HiddenLayer,
}
