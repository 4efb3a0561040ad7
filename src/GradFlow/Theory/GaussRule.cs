namespace GradFlow.Theory;

/// <summary>
/// The n-point Gauss rule of a measure given by its three-term recurrence
/// π_{k+1}(x) = (x − α_k)π_k(x) − β_k π_{k−1}(x), β_0 = μ_0 = the measure's total mass.
/// Golub &amp; Welsch (1969): the nodes are the eigenvalues of the Jacobi matrix J (diagonal α_0…α_{n−1},
/// off-diagonal √β_1…√β_{n−1}) and the weight of node x_i is μ_0·v_{1i}², v_i its unit eigenvector.
/// Here the eigenvalues come from our own symmetric-tridiagonal eigensolver, Sturm-sequence bisection
/// (Wilkinson 1965; Barth, Martin &amp; Wilkinson 1967), which finds each eigenvalue to the last bits
/// independently of the others, then one guarded Newton step on π_n; and v_{1i}² is taken from the
/// identity v_{1i}² = 1 / Σ_{k&lt;n} p_k(x_i)² (p_k orthonormal for the measure normalised to mass 1),
/// the Christoffel number — so no eigenvector is ever formed.
/// </summary>
public static class GaussRule
{
    /// <summary>The n-point rule for recurrence coefficients α_0…α_{n−1}, β_1…β_{n−1} (β[0] is μ_0).</summary>
    public static QuadratureRule FromRecurrence(ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "a Gauss rule needs at least one node");
        if (alpha.Length < n || beta.Length < n) throw new ArgumentException($"{n} nodes need {n} recurrence coefficients α and β, got {alpha.Length} and {beta.Length}");
        double mu0 = beta[0];
        if (!(mu0 > 0)) throw new ArgumentException($"β_0 = μ_0 must be the measure's positive mass, got {mu0}");
        var offDiagonal = new double[n]; // offDiagonal[k] = √β_k couples rows k−1 and k
        for (int k = 1; k < n; k++)
        {
            if (!(beta[k] > 0)) throw new ArgumentException($"β_{k} = {beta[k]} is not positive: not the recurrence of a positive measure");
            offDiagonal[k] = Math.Sqrt(beta[k]);
        }

        // Gershgorin's discs bound the spectrum.
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int k = 0; k < n; k++)
        {
            double radius = offDiagonal[k] + (k + 1 < n ? offDiagonal[k + 1] : 0);
            lo = Math.Min(lo, alpha[k] - radius);
            hi = Math.Max(hi, alpha[k] + radius);
        }

        var nodes = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = Polish(Bisect(alpha, offDiagonal, n, i, lo, hi), alpha, offDiagonal, n);
            nodes[i] = x;
            weights[i] = mu0 / ChristoffelSum(alpha, offDiagonal, n, x);
        }
        return new QuadratureRule(nodes, weights);
    }

    /// <summary>
    /// How many eigenvalues of J are below x: the negative pivots of the LDLᵀ factorisation of J − xI
    /// (Sylvester's law of inertia), d_0 = α_0 − x, d_k = α_k − x − β_k / d_{k−1}.
    /// </summary>
    internal static int CountBelow(ReadOnlySpan<double> alpha, ReadOnlySpan<double> offDiagonal, int n, double x)
    {
        int count = 0;
        double d = 1;
        for (int k = 0; k < n; k++)
        {
            // Stryker disable once Conditional : offDiagonal[0] is never written, so at k = 0 it is 0 and so is its square
            double b2 = k == 0 ? 0 : offDiagonal[k] * offDiagonal[k];
            // Stryker disable once Conditional : at k = 0, b2 = 0 and d = 1, so b2/d = 0
            d = alpha[k] - x - (k == 0 ? 0 : b2 / d);
            // A zero pivot is moved off zero by a hair (the standard guard): x is then an eigenvalue, counted as above it.
            if (d == 0) d = -1e-300;
            // Stryker disable once Equality : `d < 0` → `d <= 0`: the line above leaves no zero pivot (NaN fails both)
            if (d < 0) count++;
        }
        return count;
    }

    // The i-th smallest eigenvalue: bisection until the bracket stops shrinking in floating point.
    private static double Bisect(ReadOnlySpan<double> alpha, ReadOnlySpan<double> offDiagonal, int n, int i, double lo, double hi)
    {
        for (int iteration = 0; iteration < 2000; iteration++)
        {
            double mid = 0.5 * (lo + hi);
            // Stryker disable once Logical,Equality,Statement : without the break, a step at mid = lo or mid = hi leaves the bracket as it is or closes it onto mid, and 0.5·(lo + hi) is mid either way
            if (mid <= lo || mid >= hi) break;
            if (CountBelow(alpha, offDiagonal, n, mid) > i) hi = mid;
            else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    // One Newton step on the orthonormal p_n, kept only if it moves the node by less than a few ulps of the
    // bracket's scale: bisection is already at the last bits, Newton removes its final half-ulp bias where the
    // recurrence is exact (Hermite, Legendre: the correctly rounded nodes); on a rounded recurrence it can move a
    // node away (half-range n = 10, node 0: 17 ulps with the step, 3 without; docs/mutation-survivors.md).
    private static double Polish(double x, ReadOnlySpan<double> alpha, ReadOnlySpan<double> offDiagonal, int n)
    {
        var (p, dp) = OrthonormalAt(alpha, offDiagonal, n, x);
        // A zero p′ or an overflow makes the step ±∞ or NaN, which fails the test below: x is kept.
        double step = p / dp;
        return Math.Abs(step) <= 64 * Math.ScaleB(1.0, Math.ILogB(Math.Max(Math.Abs(x), 1e-300)) - 52) ? x - step : x;
    }

    // p_n(x) and p_n′(x) for the orthonormal recurrence √β_{k+1} p_{k+1} = (x − α_k)p_k − √β_k p_{k−1}, with √β_n := 1.
    private static (double P, double Derivative) OrthonormalAt(ReadOnlySpan<double> alpha, ReadOnlySpan<double> offDiagonal, int n, double x)
    {
        double pPrev = 0, p = 1, dPrev = 0, d = 0;
        for (int k = 0; k < n; k++)
        {
            double bNext = k + 1 < n ? offDiagonal[k + 1] : 1.0;
            double bThis = k == 0 ? 0 : offDiagonal[k];
            double pNext = ((x - alpha[k]) * p - bThis * pPrev) / bNext;
            double dNext = (p + (x - alpha[k]) * d - bThis * dPrev) / bNext;
            pPrev = p; p = pNext;
            dPrev = d; d = dNext;
        }
        return (p, d);
    }

    // Σ_{k<n} p_k(x)² for the orthonormal polynomials of the mass-1 measure: 1 / v_{1i}².
    private static double ChristoffelSum(ReadOnlySpan<double> alpha, ReadOnlySpan<double> offDiagonal, int n, double x)
    {
        double pPrev = 0, p = 1, sum = 1;
        for (int k = 0; k + 1 < n; k++)
        {
            // Stryker disable once Conditional : offDiagonal[0] is never written (0), and pPrev = 0 at k = 0 anyway
            double pNext = ((x - alpha[k]) * p - (k == 0 ? 0 : offDiagonal[k]) * pPrev) / offDiagonal[k + 1];
            pPrev = p; p = pNext;
            sum += p * p;
        }
        return sum;
    }
}
