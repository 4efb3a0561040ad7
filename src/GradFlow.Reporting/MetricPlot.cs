using GradFlow.Experiments;

namespace GradFlow.Reporting;

/// <summary>One metric of a results folder against the epoch: <c>gradflow plot</c>'s figure.</summary>
public static class MetricPlot
{
    /// <summary>
    /// Draws <paramref name="metric"/> (a column of the folder's run files, e.g. <c>test_acc</c>) against the
    /// epoch for every setting of <paramref name="store"/> that <paramref name="filter"/> keeps: the mean
    /// across seeds with a ±1 std band, one line per setting, within <paramref name="limits"/>; saves it to
    /// <paramref name="path"/> as PNG or SVG by its extension (".png" or ".svg", case-insensitive).
    /// </summary>
    /// <remarks>
    /// The CLI validates everything first: the folder holds a manifest and run files, the metric is one of
    /// their columns, the filter's values are in the folder's spec, min &lt; max, and the extension.
    /// SEAM, NOT YET FILLED: owned by the reporting work of issue 5.
    /// </remarks>
    public static void Save(ResultStore store, string metric, PlotFilter filter, AxisLimits limits, string path) =>
        throw new NotImplementedException("GradFlow.Reporting.MetricPlot.Save is not written yet (reporting part of issue 5)");
}
