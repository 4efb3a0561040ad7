namespace GradFlow.Experiments;

/// <summary>
/// Holm's step-down adjustment (Holm 1979): with the m p-values sorted ascending, p₍ᵢ₎ becomes
/// max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎). Rejecting every hypothesis whose adjusted p is below α
/// controls the family-wise error rate at α, and is never less powerful than Bonferroni.
/// </summary>
public static class HolmBonferroni
{
    /// <summary>The adjusted p-values, in the order of <paramref name="p"/>.</summary>
    public static double[] Adjust(ReadOnlySpan<double> p)
    {
        int m = p.Length;
        var order = new int[m];
        var sorted = new double[m];
        for (int i = 0; i < m; i++)
        {
            if (!(p[i] >= 0.0 && p[i] <= 1.0)) throw new ArgumentOutOfRangeException(nameof(p), p[i], "a p-value must lie in [0, 1]");
            order[i] = i;
            sorted[i] = p[i];
        }
        // Equal p-values end with equal adjusted values whichever order the sort leaves them in.
        Array.Sort(sorted, order);
        var adjusted = new double[m];
        double running = 0.0;
        for (int j = 0; j < m; j++)
        {
            running = Math.Max(running, Math.Min(1.0, (m - j) * sorted[j]));
            adjusted[order[j]] = running;
        }
        return adjusted;
    }
}
