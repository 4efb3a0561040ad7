namespace GradFlow.Theory;

/// <summary>
/// Nodes x_i and weights w_i of a quadrature rule: ∫ w(x) f(x) dx ≈ Σ w_i f(x_i) for the rule's weight
/// function w and interval. Nodes ascend.
/// </summary>
public sealed record QuadratureRule(double[] Nodes, double[] Weights)
{
    public int Count => Nodes.Length;

    /// <summary>Σ w_i f(x_i), summed from the smallest weight up so the tail nodes' tiny terms are not lost first.</summary>
    public double Integrate(Func<double, double> f)
    {
        double sum = 0;
        foreach (int i in OrderBySize) sum += Weights[i] * f(Nodes[i]);
        return sum;
    }

    /// <summary>Indices by ascending weight: the order in which a sum of positive terms loses the least.</summary>
    // Stryker disable once Assignment : `??=` → `=` only recomputes the same order on every call (a cache)
    internal int[] OrderBySize => _order ??= Enumerable.Range(0, Count).OrderBy(i => Weights[i]).ToArray();

    private int[]? _order;
}
