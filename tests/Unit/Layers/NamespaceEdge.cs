namespace GradFlow.Tests.Unit.Layers;

/// <summary>One use of namespace <see cref="To"/> by code in <see cref="From"/>; <see cref="Via"/> names the using type and the used one.</summary>
public sealed record NamespaceEdge(string From, string To, string Via);
