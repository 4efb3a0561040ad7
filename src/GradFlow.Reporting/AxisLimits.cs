namespace GradFlow.Reporting;

/// <summary>
/// Axis limits in data units (on a log axis too: <c>YMin = 1e-4</c>); a null bound is fitted to the data.
/// </summary>
public sealed record AxisLimits(double? XMin, double? XMax, double? YMin, double? YMax)
{
    public static AxisLimits Auto { get; } = new(null, null, null, null);
}
