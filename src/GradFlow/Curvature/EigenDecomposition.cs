namespace GradFlow.Curvature;

/// <summary>
/// The spectrum of a symmetric n × n matrix: eigenvalues ascending and, when asked for, the orthonormal
/// eigenvectors as the columns of <see cref="Vectors"/> (row-major n × n: column i belongs to Values[i]).
/// </summary>
public sealed record EigenDecomposition(int Size, double[] Values, double[]? Vectors)
{
    /// <summary>Σ λ_i, summed in ascending order.</summary>
    public double Trace => Values.Sum();

    public double Min => Values[0];

    public double Max => Values[^1];

    /// <summary>Component <paramref name="row"/> of the eigenvector of Values[<paramref name="index"/>].</summary>
    public double Vector(int row, int index) =>
        Vectors is null ? throw new InvalidOperationException("the decomposition was computed without eigenvectors") : Vectors[row * Size + index];
}
