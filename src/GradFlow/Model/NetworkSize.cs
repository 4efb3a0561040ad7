namespace GradFlow.Model;

/// <summary>
/// The doubles a network and a batch pass over it hold, in double precision so that no product of
/// widths can overflow (a width of 50000 squared is beyond int).
/// </summary>
public static class NetworkSize
{
    /// <summary>Weights and biases: Σ fan_in·fan_out + fan_out.</summary>
    public static double Parameters(IReadOnlyList<int> widths)
    {
        double total = 0;
        for (int l = 1; l < widths.Count; l++) total += (double)widths[l - 1] * widths[l] + widths[l];
        return total;
    }

    /// <summary>A <see cref="BatchPass"/> of <paramref name="rows"/>: the input, z, a, φ′ and δ per layer, and the gradients.</summary>
    public static double Pass(IReadOnlyList<int> widths, double rows)
    {
        double total = rows * widths[0];
        for (int l = 1; l < widths.Count; l++) total += 4 * rows * widths[l] + (double)widths[l - 1] * widths[l] + widths[l];
        return total;
    }

    /// <summary>The longest single array of the parameters or of a pass of <paramref name="rows"/>.</summary>
    public static double LargestArray(IReadOnlyList<int> widths, double rows)
    {
        double largest = rows * widths[0];
        for (int l = 1; l < widths.Count; l++) largest = Math.Max(largest, Math.Max(rows * widths[l], (double)widths[l - 1] * widths[l]));
        return largest;
    }

    /// <summary>Hidden units over every hidden layer: the pooled diagnostics hold a few values per unit and row.</summary>
    public static double HiddenUnits(IReadOnlyList<int> widths)
    {
        double total = 0;
        for (int l = 1; l < widths.Count - 1; l++) total += widths[l];
        return total;
    }
}
