using ScottPlot;

namespace GradFlow.Reporting;

/// <summary>One line of a figure: the mean across seeds per epoch and, when there are several seeds, its std.</summary>
internal sealed record Curve(string Label, Color Color, double[] X, double[] Mean, double[]? Std, LinePattern Pattern)
{
    /// <summary>A band is drawn only where it has width: one seed gives std 0 everywhere, and no band.</summary>
    public bool HasBand => Std is not null && Std.Any(s => s > 0);
}
