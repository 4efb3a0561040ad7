namespace GradFlow.Reporting;

/// <summary>Fixed axis limits of a figure; a null bound is fitted to the data. The CLI guarantees min &lt; max when both are given.</summary>
public sealed record AxisLimits(double? XMin = null, double? XMax = null, double? YMin = null, double? YMax = null)
{
    public static AxisLimits Auto { get; } = new();
}
