namespace GradFlow.Curvature;

/// <summary>
/// Eigenvalues (and optionally eigenvectors) of a symmetric tridiagonal matrix by the implicit QL method
/// with Wilkinson-type shifts (Bowdler, Martin, Reinsch and Wilkinson, "The QR and QL algorithms for
/// symmetric matrices", Numer. Math. 11, 1968; Golub and Van Loan, Matrix Computations, §8.3).
/// </summary>
internal static class TridiagonalEigen
{
    private const double Epsilon = 2.220446049250313e-16; // 2^−52
    private const int MaxSweepsPerEigenvalue = 60;

    /// <summary>
    /// d (length n) holds the diagonal and e (length n) the sub-diagonal, e[i] coupling rows i and i + 1 (e[n − 1] unused).
    /// On return d holds the eigenvalues (unsorted) and e is destroyed. If z is given (row-major n × n, on entry
    /// the basis in which the tridiagonal form was reached, or I), its column i becomes the eigenvector of d[i].
    /// </summary>
    public static void Solve(Span<double> d, Span<double> e, int n, double[]? z) => Solve(d, e, n, z, z is null ? 0 : n);

    /// <summary>
    /// As above with z any <paramref name="zRows"/> × n row-major block: the rotations act on columns, so each
    /// row is carried independently. Lanczos carries only the last row of I, the last components of the eigenvectors.
    /// </summary>
    public static void Solve(Span<double> d, Span<double> e, int n, Span<double> z, int zRows)
    {
        if (n == 0) return;
        e[n - 1] = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) norm = Math.Max(norm, Math.Abs(d[i]) + Math.Abs(e[i]));
        for (int l = 0;
            // Stryker disable once Equality : an extra pass at l = n finds m = l at once (its split loop does not run) and changes nothing (docs/mutation-survivors.md)
            l < n; l++)
        {
            int sweeps = 0, m;
            while (true)
            {
                // The first negligible off-diagonal at or after l splits the matrix there: small beside its two
                // diagonal neighbours, or below ε‖T‖ (dropping it then perturbs T by no more than the reduction
                // to T already did; without this, a block of exact zeros — dead ReLU units — never splits).
                for (m = l; m < n - 1; m++)
                {
                    double dd = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(e[m]) <= Epsilon * dd || Math.Abs(e[m]) <= Epsilon * norm) break;
                }
                if (m == l) break;
                if (++sweeps > MaxSweepsPerEigenvalue)
                    throw new InvalidOperationException($"the QL iteration did not converge for eigenvalue {l} in {MaxSweepsPerEigenvalue} sweeps");
                // Shift: the eigenvalue of the leading 2 × 2 block at l closer to d[l].
                double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                double r = Hypot(g, 1.0);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
                double s = 1.0, c = 1.0, p = 0.0;
                int i;
                bool deflated = false;
                // One implicit QL sweep: Givens rotations chase the bulge from m − 1 up to l.
                for (i = m - 1; i >= l; i--)
                {
                    double f = s * e[i], b = c * e[i];
                    r = Hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0.0)
                    {
                        // Underflow: the matrix splits at i + 1; undo the pending shift and start over.
                        d[i + 1] -= p;
                        e[m] = 0.0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    {
                        for (int k = 0; k < zRows; k++)
                        {
                            int at = k * n;
                            double zi1 = z[at + i + 1];
                            z[at + i + 1] = s * z[at + i] + c * zi1;
                            z[at + i] = c * z[at + i] - s * zi1;
                        }
                    }
                }
                if (deflated) continue;
                d[l] -= p;
                e[l] = g;
                e[m] = 0.0;
            }
        }
    }

    // √(a² + b²) without overflow or destructive underflow.
    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        // Stryker disable once Equality : swapping equal magnitudes changes nothing (docs/mutation-survivors.md)
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0;
        double t = y / x;
        return x * Math.Sqrt(1.0 + t * t);
    }
}
