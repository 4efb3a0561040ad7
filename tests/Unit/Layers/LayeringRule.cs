namespace GradFlow.Tests.Unit.Layers;

/// <summary>
/// Decides namespace-to-namespace edges against a one-way graph of boxes under <see cref="Root"/>. An
/// edge is allowed when it stays in its box, follows an arrow, or goes to a shared box from a box that
/// is not isolated. A namespace under the root that names no box is itself a violation, so that a new
/// namespace cannot slip past the rule. Namespaces outside the root (System, ScottPlot, …) are ignored.
/// </summary>
public sealed class LayeringRule(
    string root,
    IReadOnlyDictionary<string, IReadOnlySet<string>> arrows,
    IReadOnlySet<string> shared,
    IReadOnlySet<string> isolated)
{
    public string Root { get; } = root;

    /// <summary>The box of a namespace under the root ("Root.X.Y" → "X"), or null outside it.</summary>
    public string? BoxOf(string ns)
    {
        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
        string rest = ns[(Root.Length + 1)..];
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Every edge that breaks the rule, each as one line naming both namespaces, the types and the reason.</summary>
    public IReadOnlyList<string> Violations(IEnumerable<NamespaceEdge> edges)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (from, to, via) in edges)
        {
            string? a = BoxOf(from), b = BoxOf(to);
            if (a is null || b is null || a == b) continue;
            if (!arrows.ContainsKey(a)) found.Add($"{from}: namespace is not in the layering rule (add box '{a}' and its arrows)");
            else if (!arrows.ContainsKey(b)) found.Add($"{to}: namespace is not in the layering rule (add box '{b}' and its arrows)");
            else if (isolated.Contains(a)) found.Add($"{from} → {to} ({via}): {a} may use no other GradFlow namespace");
            else if (!arrows[a].Contains(b) && !shared.Contains(b)) found.Add($"{from} → {to} ({via}): {a} may use only {Allowed(a)}");
        }
        return found.ToArray();
    }

    private string Allowed(string box) => string.Join(", ", arrows[box].Union(shared).Order(StringComparer.Ordinal));
}
