using GradFlow.Tests.Unit.Layers.Planted.Data;

namespace GradFlow.Tests.Unit.Layers;

/// <summary>
/// The rule and the edge reader of <see cref="LayeringTests"/> on code planted in this test assembly
/// under its own root (namespace …Layers.Planted), compiled like GradFlow's: a forbidden using must fail.
/// </summary>
public sealed class PlantedLayeringTests
{
    private const string Root = "GradFlow.Tests.Unit.Layers.Planted";

    private static LayeringRule PlantedRule(bool withGadgets) => new(Root, Arrows(withGadgets), Layering.Shared, Layering.Isolated);

    private static Dictionary<string, IReadOnlySet<string>> Arrows(bool withGadgets)
    {
        var arrows = Layering.Arrows.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (withGadgets) arrows["Gadgets"] = new HashSet<string>(["Random"]);
        return arrows;
    }

    private static readonly Lazy<IReadOnlyList<NamespaceEdge>> Edges = new(() => AssemblyEdges.Of(typeof(Rows).Assembly));

    [Fact]
    public void Violations_PlantedDataUsingExperiments_NamesTheForbiddenEdgeOnly()
    {
        var violations = PlantedRule(withGadgets: true).Violations(Edges.Value);

        string line = Assert.Single(violations);
        Assert.StartsWith($"{Root}.Data → {Root}.Experiments ({Root}.Data.Rows uses {Root}.Experiments.Cells): Data may use only", line);
    }

    [Fact]
    public void Violations_PlantedNamespaceMissingFromTheRule_IsReported()
    {
        var violations = PlantedRule(withGadgets: false).Violations(Edges.Value);

        Assert.Contains($"{Root}.Gadgets: namespace is not in the layering rule (add box 'Gadgets' and its arrows)", violations);
        Assert.Equal(2, violations.Count);
    }
}
