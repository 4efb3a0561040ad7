namespace GradFlow.Tests.Unit.Layers;

/// <summary>
/// The one-way graph of GradFlow's namespaces (docs/ARCHITECTURE.md draws it). A box is the segment
/// after the root ("GradFlow.Experiments.Statistics" is the box Experiments); each box lists the boxes
/// it may use, and every box may use the shared ones. A namespace added to the code is added here in
/// the same change (the test names it otherwise); a box listed here but absent from the code is fine.
/// </summary>
public static class Layering
{
    /// <summary>Box → the boxes it may use besides <see cref="Shared"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Arrows { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["Cli"] = Set("Experiments", "Reporting", "Verification", "Model", "Data", "Activations", "Curvature", "Theory"),
        ["Reporting"] = Set("Experiments", "Activations", "Curvature", "Theory"),
        ["Experiments"] = Set("Training", "Diagnostics", "Data", "Model", "Activations", "Random", "Curvature", "Theory"),
        ["Verification"] = Set("Model", "Training", "Data"),
        ["Diagnostics"] = Set("Model", "Activations", "Training"),
        ["Curvature"] = Set("Model", "Training", "Data", "Activations"),
        ["Theory"] = Set("Model", "Data", "Activations"),
        ["Training"] = Set("Model", "Data"),
        ["Model"] = Set("Activations", "Random"),
        ["Data"] = Set("Random"),
        ["Activations"] = Set(),
        ["Random"] = Set(),
        ["Numerics"] = Set(),
        ["IO"] = Set(),
        ["Metrics"] = Set(),
    };

    /// <summary>Boxes every other box may use: numeric kernels, files, and the metric catalog with the run log.</summary>
    public static IReadOnlySet<string> Shared { get; } = Set("Numerics", "IO", "Metrics");

    /// <summary>Boxes that use no other box at all, the shared ones included.</summary>
    public static IReadOnlySet<string> Isolated { get; } = Set("Numerics", "IO", "Random", "Metrics");

    /// <summary>The rule over GradFlow's own namespaces.</summary>
    public static LayeringRule Rule { get; } = new("GradFlow", Arrows, Shared, Isolated);

    private static IReadOnlySet<string> Set(params string[] boxes) => new HashSet<string>(boxes, StringComparer.Ordinal);
}
