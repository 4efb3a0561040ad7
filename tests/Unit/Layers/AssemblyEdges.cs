using ArchUnitNET.Loader;

namespace GradFlow.Tests.Unit.Layers;

/// <summary>
/// The namespace edges compiled into assemblies, read by ArchUnitNET: every type a type uses in its
/// signatures, fields, attributes and method bodies.
/// </summary>
public static class AssemblyEdges
{
    public static IReadOnlyList<NamespaceEdge> Of(params System.Reflection.Assembly[] assemblies)
    {
        var architecture = new ArchLoader().LoadAssemblies(assemblies).Build();
        var edges = new List<NamespaceEdge>();
        foreach (var type in architecture.Types)
        {
            if (type.Namespace?.FullName is not { } from) continue;
            foreach (var dependency in type.Dependencies)
            {
                // Generic parameters and unresolved references carry no namespace.
                if (dependency.Target?.Namespace?.FullName is not { } to) continue;
                if (to != from) edges.Add(new NamespaceEdge(from, to, $"{type.FullName} uses {dependency.Target.FullName}"));
            }
        }
        return edges;
    }
}
