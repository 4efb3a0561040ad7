namespace GradFlow.Tests.Unit.Layers;

public sealed class LayeringTests
{
    [Fact]
    public void GradFlowAssemblies_EveryNamespaceEdge_FollowsTheLayering()
    {
        var edges = AssemblyEdges.Of(typeof(GradFlow.Model.Mlp).Assembly, typeof(GradFlow.Reporting.MetricPlot).Assembly, typeof(GradFlow.Cli.ExitCodes).Assembly);

        Assert.Contains(edges, e => e.From == "GradFlow.Cli" && e.To == "GradFlow.Experiments"); // the reader sees edges at all
        var violations = Layering.Rule.Violations(edges);
        Assert.True(violations.Count == 0, "layering violations:\n" + string.Join("\n", violations));
    }
}
