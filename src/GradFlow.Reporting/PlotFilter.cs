namespace GradFlow.Reporting;

/// <summary>
/// Which settings of a results folder a <see cref="MetricPlot"/> draws; null means every one the spec has.
/// </summary>
public sealed record PlotFilter(IReadOnlyList<string>? Activations, string? Init, double? Scale)
{
    public static PlotFilter All { get; } = new(null, null, null);
}
