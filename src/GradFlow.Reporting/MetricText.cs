using GradFlow.Metrics;

namespace GradFlow.Reporting;

/// <summary>
/// What a recorded metric is called on a figure or in a table, read from its <see cref="MetricCatalog"/>
/// declaration; a column the catalog does not declare is called by its name.
/// </summary>
internal static class MetricText
{
    /// <summary>Whether the metric spans decades, so that it is drawn on a log axis.</summary>
    public static bool IsLogScale(string metric) => MetricCatalog.Find(metric)?.Metric.LogAxis ?? false;

    public static string Title(string metric) => MetricCatalog.Find(metric)?.Title ?? metric;

    public static string Axis(string metric) => MetricCatalog.Find(metric)?.Axis ?? metric;

    /// <summary>The short name a table header uses ("test acc").</summary>
    public static string Short(string metric) => MetricCatalog.Find(metric) is { Layer: null, Metric: var m } ? m.ShortName : metric;
}
