namespace GradFlow.Metrics;

/// <summary>
/// Where a group's metrics sit in its slice of a row: the catalog metrics in their order, each
/// expanded over the layers of one network, metrics that need a test split left out without one.
/// A computation class builds one and writes <c>row[layout.IndexOf(metric, layer)]</c>.
/// </summary>
public sealed class MetricLayout
{
    private readonly Dictionary<Metric, int> _start = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _columns = [];

    public MetricLayout(IReadOnlyList<Metric> metrics, int layerCount, bool hasTestSplit = true)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var m in metrics)
        {
            if (m.NeedsTestSplit && !hasTestSplit) continue;
            if (!_start.TryAdd(m, _columns.Count)) throw new ArgumentException($"metric {m.Pattern} is listed twice");
            _columns.AddRange(m.Columns(layerCount));
        }
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    public bool Contains(Metric metric) => _start.ContainsKey(metric);

    /// <summary>The index of a whole-network metric, or of layer <paramref name="layer"/> (0-based) of a per-layer one.</summary>
    public int IndexOf(Metric metric, int layer = 0) =>
        _start.TryGetValue(metric, out int start) ? start + layer : throw new KeyNotFoundException($"metric {metric.Pattern} is not in this layout");
}
