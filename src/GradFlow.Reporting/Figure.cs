namespace GradFlow.Reporting;

/// <summary>
/// One figure of a report: its file stem in plots/, the group it is shown under (an init and scale,
/// or "" when the spec has one), its alt text, the line that tells a reader what to look for, and how
/// to draw it.
/// </summary>
internal sealed record Figure(string Name, string Group, string AltText, string LookFor, Func<ScottPlot.Plot> Draw);
