using System.Numerics;
using GradFlow.Numerics;
using GradFlow.Random;

namespace GradFlow.Curvature;

/// <summary>
/// λ_max and λ_min of a symmetric operator from its products alone: the Lanczos recurrence with full
/// reorthogonalisation (every new vector is orthogonalised twice against all earlier ones, classical
/// Gram–Schmidt, so that no spurious copies of converged Ritz values appear; Golub and Van Loan, §10.1),
/// started from a seeded standard-normal vector (<see cref="Generator"/>), the tridiagonal Tₖ solved by
/// <see cref="TridiagonalEigen"/> after every step. Both extremes, not the largest magnitude, are returned:
/// a negative λ_min is reported as such. Buffers are sized once per instance.
/// </summary>
public sealed class Lanczos
{
    private readonly int _n, _maxSteps;
    private readonly double[] _basis, _w, _alpha, _beta, _d, _e, _z;

    /// <param name="dimension">P, the length of the vectors.</param>
    /// <param name="maxSteps">The most products to use (at most P: after P steps the Krylov space is the whole space).</param>
    public Lanczos(int dimension, int maxSteps)
    {
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be positive");
        if (maxSteps <= 0) throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "at least one step");
        _n = dimension;
        _maxSteps = Math.Min(maxSteps, dimension);
        _basis = new double[(_maxSteps + 1) * dimension];
        _w = new double[dimension];
        _alpha = new double[_maxSteps];
        _beta = new double[_maxSteps];
        _d = new double[_maxSteps];
        _e = new double[_maxSteps];
        _z = new double[_maxSteps];
    }

    /// <summary>
    /// Runs until both extreme Ritz values have residuals at most <paramref name="tolerance"/>·max(|θ_max|, |θ_min|)
    /// (or the Krylov space is invariant, or <c>maxSteps</c> products were used). A product that is not finite
    /// ends the run with NaN extremes, not converged.
    /// </summary>
    /// <param name="apply">y = H·x (x, y of length P).</param>
    public LanczosResult Run(SpanAction apply, BigInteger seed, double tolerance = 1e-10)
    {
        int n = _n;
        Span<double> q0 = _basis.AsSpan(0, n);
        Generator.DefaultRng(seed).StandardNormal(q0);
        Normalize(q0);
        double max = double.NaN, min = double.NaN, maxRes = double.NaN, minRes = double.NaN;
        int steps = 0;
        bool converged = false;
        for (int j = 0; j < _maxSteps; j++)
        {
            ReadOnlySpan<double> q = _basis.AsSpan(j * n, n);
            apply(q, _w);
            steps = j + 1;
            _alpha[j] = Kernels.Dot(q, _w);
            // Full reorthogonalisation, twice ("twice is enough", Parlett): w ⟂ q_0 … q_j to rounding.
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i <= j; i++)
                {
                    ReadOnlySpan<double> qi = _basis.AsSpan(i * n, n);
                    Kernels.Axpy(-Kernels.Dot(qi, _w), qi, _w);
                }
            double beta = Math.Sqrt(Kernels.Dot(_w, _w));
            _beta[j] = beta;
            // An overflowing product (parameters huge while the loss is still finite) has no spectrum to report:
            // NaN, not converged, rather than a QL iteration that cannot converge on NaN.
            if (!double.IsFinite(_alpha[j]) || !double.IsFinite(beta))
                return new LanczosResult(double.NaN, double.NaN, double.NaN, double.NaN, steps, Converged: false);
            (max, min, maxRes, minRes) = Ritz(j + 1, beta);
            double scale = Math.Max(Math.Abs(max), Math.Abs(min));
            // An invariant Krylov space (β ≈ 0) makes the Ritz values exact eigenvalues.
            bool invariant = beta <= 1e-14 * Math.Max(scale, double.Epsilon) || j + 1 == n;
            if (invariant || (maxRes <= tolerance * scale && minRes <= tolerance * scale))
            {
                converged = true;
                break;
            }
            if (
                // Stryker disable once Equality,Arithmetic : <= (or j − 1 <, always true) would also write vector _maxSteps, which the basis has room for and no step reads (docs/mutation-survivors.md)
                j + 1 < _maxSteps)
            {
                Span<double> next = _basis.AsSpan((j + 1) * n, n);
                for (int i = 0; i < n; i++) next[i] = _w[i] / beta;
            }
        }
        return new LanczosResult(max, min, maxRes, minRes, steps, converged);
    }

    /// <summary>y = H·x.</summary>
    public delegate void SpanAction(ReadOnlySpan<double> x, Span<double> y);

    // The extreme eigenvalues of T_k and their residuals |β_k·s_{k,i}| (the last component of the Ritz vector in T's basis).
    private (double Max, double Min, double MaxResidual, double MinResidual) Ritz(int k, double beta)
    {
        _alpha.AsSpan(0, k).CopyTo(_d);
        // Stryker disable once Equality : <= would also copy β into e[k − 1], which TridiagonalEigen.Solve sets to 0 before reading (docs/mutation-survivors.md)
        for (int i = 0; i + 1 < k; i++) _e[i] = _beta[i];
        // Only the last row of the eigenvector matrix is needed: carry e_kᵀ through the rotations.
        Span<double> z = _z.AsSpan(0, k);
        z.Clear();
        z[k - 1] = 1.0;
        TridiagonalEigen.Solve(_d.AsSpan(0, k), _e.AsSpan(0, k), k, z, 1);
        int iMax = 0, iMin = 0;
        for (int i = 1; i < k; i++)
        {
            if (_d[i] > _d[iMax]) iMax = i;
            if (_d[i] < _d[iMin]) iMin = i;
        }
        return (_d[iMax], _d[iMin], Math.Abs(beta * z[iMax]), Math.Abs(beta * z[iMin]));
    }

    private static void Normalize(Span<double> v)
    {
        double norm = Math.Sqrt(Kernels.Dot(v, v));
        for (int i = 0; i < v.Length; i++) v[i] /= norm;
    }
}
