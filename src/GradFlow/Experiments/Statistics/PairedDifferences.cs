namespace GradFlow.Experiments;

/// <summary>The per-pair differences x − y that the paired tests rank or count.</summary>
internal static class PairedDifferences
{
    public static double[] Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"paired samples must have equal lengths (x has {x.Length} values, y has {y.Length})");
        var d = new double[x.Length];
        for (int i = 0; i < d.Length; i++) d[i] = x[i] - y[i];
        return d;
    }
}
