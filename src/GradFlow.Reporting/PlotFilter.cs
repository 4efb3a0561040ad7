namespace GradFlow.Reporting;

/// <summary>
/// Which settings of a results folder a <see cref="MetricPlot"/> draws; a null list means every value
/// the folder holds. The CLI passes only values that are present in the folder's manifest.
/// </summary>
public sealed record PlotFilter(
    IReadOnlyList<string>? Activations = null,
    IReadOnlyList<string>? Inits = null,
    IReadOnlyList<double>? Scales = null)
{
    public static PlotFilter All { get; } = new();
}
