namespace GradFlow.Tests.Unit.Layers;

/// <summary>The rule itself on synthetic edges, including the boxes planned but not yet in the code.</summary>
public sealed class LayeringRuleTests
{
    private static IReadOnlyList<string> Check(string from, string to) =>
        Layering.Rule.Violations([new NamespaceEdge("GradFlow." + from, "GradFlow." + to, "test")]);

    [Theory]
    [InlineData("Model", "Activations")]
    [InlineData("Experiments.Statistics", "Training")]
    [InlineData("Reporting", "Metrics")]
    [InlineData("Data", "IO")]
    [InlineData("Curvature", "Training")]
    [InlineData("Theory", "Activations")]
    [InlineData("Experiments", "Curvature")]
    [InlineData("Cli", "Theory")]
    [InlineData("Experiments", "Experiments.Statistics")]
    public void Violations_AllowedEdge_None(string from, string to) => Assert.Empty(Check(from, to));

    [Theory]
    [InlineData("Model", "Training")]
    [InlineData("Data", "Experiments")]
    [InlineData("Reporting", "Model")]
    [InlineData("Verification", "Activations")]
    [InlineData("Random", "Numerics")]
    [InlineData("Metrics", "Training")]
    [InlineData("Curvature", "Experiments")]
    [InlineData("Theory", "Training")]
    [InlineData("Training", "Experiments")]
    public void Violations_ForbiddenEdge_One(string from, string to) => Assert.Single(Check(from, to));

    [Fact]
    public void Violations_OutsideTheRoot_Ignored() =>
        Assert.Empty(Layering.Rule.Violations([new NamespaceEdge("GradFlow.Model", "System.Linq", "test"), new NamespaceEdge("ScottPlot", "GradFlow.Cli", "test")]));

    [Fact]
    public void BoxOf_NestedNamespace_FirstSegmentAfterTheRoot()
    {
        Assert.Equal("Experiments", Layering.Rule.BoxOf("GradFlow.Experiments.Statistics"));
        Assert.Null(Layering.Rule.BoxOf("GradFlowX.Model"));
    }
}
