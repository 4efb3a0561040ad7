using GradFlow.Experiments;

namespace GradFlow.Reporting;

/// <summary>
/// Writes a finished sweep's figures (into <c>plots/</c>) and <c>report.md</c>. The CLI calls it after
/// every whole (unsharded) <c>run</c> and after every <c>merge</c>.
/// </summary>
public static class ReportWriter
{
    /// <summary>
    /// Writes the figures and the report of <paramref name="outcome"/> into <c>outcome.Store</c>'s folder
    /// and returns the full paths of the files written, in the order they should be listed to the user.
    /// </summary>
    /// <remarks>
    /// SEAM, NOT YET FILLED: owned by the reporting work of issue 5 (figures and report.md). Until then
    /// it writes nothing and returns an empty list.
    /// </remarks>
    public static IReadOnlyList<string> Write(SweepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return [];
    }
}
