namespace GradFlow.Metrics;

/// <summary>A recorded column read back as its catalog metric and, for a per-layer metric, its 1-based layer.</summary>
public sealed record MetricColumn(Metric Metric, int? Layer)
{
    public string Title => Metric.TitleOf(Layer);
    public string Axis => Metric.AxisOf(Layer);
}
