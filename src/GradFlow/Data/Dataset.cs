namespace GradFlow.Data;

/// <summary>
/// Rows of features and binary labels. <see cref="X"/> is row-major (Count × Features), as NumPy's X.
/// </summary>
public sealed record Dataset(double[] X, double[] Y, int Features)
{
    public int Count => Y.Length;

    public ReadOnlySpan<double> Row(int i) => X.AsSpan(i * Features, Features);

    /// <summary>The rows at <paramref name="indices"/>, in that order (NumPy's X[idx]).</summary>
    public Dataset Take(ReadOnlySpan<int> indices)
    {
        var x = new double[indices.Length * Features];
        var y = new double[indices.Length];
        for (int r = 0; r < indices.Length; r++)
        {
            Row(indices[r]).CopyTo(x.AsSpan(r * Features, Features));
            y[r] = Y[indices[r]];
        }
        return new Dataset(x, y, Features);
    }

    public static Dataset Create(double[] x, double[] y, int features)
    {
        if (features <= 0) throw new ArgumentException($"features must be positive, got {features}");
        if (x.Length != y.Length * features)
            throw new ArgumentException($"X holds {x.Length} values, expected {y.Length} rows × {features} features = {y.Length * features}");
        return new Dataset(x, y, features);
    }
}
