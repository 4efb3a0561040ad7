using System.Globalization;

namespace GradFlow.Metrics;

/// <summary>
/// One recorded metric, declared once in <see cref="MetricCatalog"/>: its column name (or per-layer
/// pattern <c>name_L{i}</c>), the group that computes it, what it means in words, its unit, whether a
/// log axis suits it and whether a higher value is better. Title and axis label may hold <c>{i}</c>,
/// replaced by the 1-based layer.
/// </summary>
/// <param name="Name">The column name, or for a per-layer metric the part before <c>_L{i}</c>.</param>
/// <param name="Group">The metric group that computes it (its computation class writes the columns in catalog order).</param>
/// <param name="Title">The meaning in words: a figure title phrase.</param>
/// <param name="Axis">The axis label, with its unit.</param>
/// <param name="Unit">The unit on its own ("fraction", "nats", "dimensionless", …).</param>
/// <param name="LogAxis">True when the values span decades, so figures draw them on a log axis.</param>
/// <param name="HigherIsBetter">True or false where a direction means better training, null where it does not.</param>
/// <param name="NeedsTestSplit">True when the metric exists only with a test split.</param>
/// <param name="Short">The short name tables use, or null for the column name.</param>
public sealed record Metric(
    string Name,
    MetricScope Scope,
    string Group,
    string Title,
    string Axis,
    string Unit,
    bool LogAxis,
    bool? HigherIsBetter,
    bool NeedsTestSplit = false,
    string? Short = null)
{
    /// <summary>The column name pattern: <c>train_loss</c>, or <c>grad_norm_L{i}</c> for a per-layer metric.</summary>
    public string Pattern => Scope == MetricScope.Network ? Name : Name + "_L{i}";

    public bool IsPerLayer => Scope != MetricScope.Network;

    /// <summary>The column of a whole-network metric.</summary>
    public string Column() => IsPerLayer ? throw new InvalidOperationException($"{Pattern} is recorded per layer; name the layer") : Name;

    /// <summary>The column of layer <paramref name="layer"/> (1-based) of a per-layer metric.</summary>
    public string Column(int layer) =>
        IsPerLayer ? string.Create(CultureInfo.InvariantCulture, $"{Name}_L{layer}") : throw new InvalidOperationException($"{Name} is not recorded per layer");

    /// <summary>How many columns the metric records in a network of <paramref name="layerCount"/> weight layers.</summary>
    public int ColumnCount(int layerCount) => Scope switch
    {
        MetricScope.Network => 1,
        MetricScope.Layer => layerCount,
        _ => Math.Max(0, layerCount - 1),
    };

    /// <summary>Every column, in order (layer 1 first), of a network of <paramref name="layerCount"/> weight layers.</summary>
    public IEnumerable<string> Columns(int layerCount)
    {
        if (!IsPerLayer) return [Name];
        return Enumerable.Range(1, ColumnCount(layerCount)).Select(Column);
    }

    /// <summary>The title phrase, for layer <paramref name="layer"/> of a per-layer metric.</summary>
    public string TitleOf(int? layer) => Fill(Title, layer);

    /// <summary>The axis label, for layer <paramref name="layer"/> of a per-layer metric.</summary>
    public string AxisOf(int? layer) => Fill(Axis, layer);

    /// <summary>The name tables use.</summary>
    public string ShortName => Short ?? Name;

    private static string Fill(string template, int? layer) =>
        template.Replace("{i}", layer?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
}
