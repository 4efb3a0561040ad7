namespace GradFlow.Theory;

/// <summary>
/// Gauss–Legendre rules for the weight 1 on [−1, 1]: α_k = 0, β_k = k²/(4k² − 1), μ_0 = 2
/// (Abramowitz &amp; Stegun 22.7.10). Exact for polynomials of degree ≤ 2n − 1.
/// </summary>
public static class GaussLegendre
{
    public static QuadratureRule Rule(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "a Gauss rule needs at least one node");
        var alpha = new double[n];
        var beta = new double[n];
        beta[0] = 2.0;
        for (int k = 1; k < n; k++) beta[k] = k * (double)k / (4.0 * k * k - 1.0);
        return GaussRule.FromRecurrence(alpha, beta, n);
    }
}
