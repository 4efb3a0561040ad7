using GradFlow.Numerics;

namespace GradFlow.Curvature;

/// <summary>
/// The full spectrum of a dense symmetric matrix: Householder reduction to tridiagonal form, A = QTQᵀ
/// (Golub and Van Loan, Matrix Computations, §8.3.1), then implicit QL on T (<see cref="TridiagonalEigen"/>).
/// The inner products and rank-2 updates go through <see cref="Kernels.Dot"/> and <see cref="Kernels.Axpy"/>,
/// so the bits are the same on every machine.
/// </summary>
public static class SymmetricEigen
{
    /// <summary>Eigenvalues ascending (and eigenvectors if <paramref name="vectors"/>) of the symmetric n × n row-major <paramref name="a"/>; only its lower triangle is read.</summary>
    public static EigenDecomposition Decompose(ReadOnlySpan<double> a, int n, bool vectors)
    {
        if (n < 0 || a.Length != n * n) throw new ArgumentException($"a matrix of {a.Length} values is not {n} × {n}");
        var w = new double[n * n];
        // Mirror the lower triangle so the reduction sees an exactly symmetric matrix.
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double v = a[i * n + j];
                if (!double.IsFinite(v)) throw new ArgumentException($"entry [{i},{j}] is {v}; the matrix must be finite");
                w[i * n + j] = v;
                w[j * n + i] = v;
            }
        var q = vectors ? Identity(n) : null;
        var d = new double[n];
        var e = new double[Math.Max(n, 1)];
        Tridiagonalize(w, n, d, e, q);
        TridiagonalEigen.Solve(d, e, n, q);
        return Sorted(n, d, q);
    }

    public static EigenDecomposition Decompose(HessianMatrix h, bool vectors) => Decompose(h.Values, h.Size, vectors);

    // For k = 0 … n − 3 a reflector H = I − 2vvᵀ (‖v‖ = 1) zeroes column k below the sub-diagonal;
    // the trailing block becomes A − vwᵀ − wvᵀ with p = Av, w = 2p − 2(vᵀp)v. Q accumulates Q·H.
    private static void Tridiagonalize(double[] a, int n, double[] d, double[] e, double[]? q)
    {
        var v = new double[n];
        var w = new double[n];
        for (int k = 0; k + 2 < n; k++)
        {
            int len = n - k - 1, s0 = k + 1;
            double sigma = 0;
            for (int i = s0; i < n; i++) sigma += a[i * n + k] * a[i * n + k];
            if (sigma == 0) continue;
            double x0 = a[s0 * n + k];
            double alpha = x0 >= 0 ? -Math.Sqrt(sigma) : Math.Sqrt(sigma);
            // ‖x − αe₁‖² = 2(σ − x₀α), never 0 because α has the sign opposite to x₀.
            double norm = Math.Sqrt(2.0 * (sigma - x0 * alpha));
            Span<double> vs = v.AsSpan(0, len), ws = w.AsSpan(0, len);
            for (int i = 0; i < len; i++) vs[i] = a[(s0 + i) * n + k] / norm;
            vs[0] = (x0 - alpha) / norm;
            for (int i = 0; i < len; i++) ws[i] = Kernels.Dot(a.AsSpan((s0 + i) * n + s0, len), vs);
            double c = Kernels.Dot(vs, ws);
            for (int i = 0; i < len; i++) ws[i] = 2.0 * ws[i] - 2.0 * c * vs[i];
            for (int i = 0; i < len; i++)
            {
                Span<double> row = a.AsSpan((s0 + i) * n + s0, len);
                Kernels.Axpy(-vs[i], ws, row);
                Kernels.Axpy(-ws[i], vs, row);
            }
            // Column k is done: only its sub-diagonal entry is read again (as e[k]); the rest of row and column k, outside
            // the trailing block, never is, so it is left as it was.
            a[s0 * n + k] = alpha;
            if (q is not null)
            {
                for (int r = 0; r < n; r++)
                {
                    Span<double> row = q.AsSpan(r * n + s0, len);
                    Kernels.Axpy(-2.0 * Kernels.Dot(row, vs), vs, row);
                }
            }
        }
        for (int i = 0; i < n; i++) d[i] = a[i * n + i];
        for (int i = 0; i + 1 < n; i++) e[i] = a[(i + 1) * n + i];
    }

    internal static double[] Identity(int n)
    {
        var q = new double[n * n];
        for (int i = 0; i < n; i++) q[i * n + i] = 1.0;
        return q;
    }

    // Eigenvalues ascending, the eigenvector columns moved with them (ties keep their order).
    internal static EigenDecomposition Sorted(int n, double[] d, double[]? z)
    {
        var order = Enumerable.Range(0, n).OrderBy(i => d[i]).ThenBy(i => i).ToArray();
        var values = order.Select(i => d[i]).ToArray();
        double[]? vectors = null;
        if (z is not null)
        {
            vectors = new double[n * n];
            for (int r = 0; r < n; r++)
                for (int c = 0; c < n; c++) vectors[r * n + c] = z[r * n + order[c]];
        }
        return new EigenDecomposition(n, values, vectors);
    }
}
