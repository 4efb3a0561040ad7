namespace GradFlow.Theory;

/// <summary>
/// Gauss–Hermite rules for the weight e^{−x²} on the whole line: the Hermite recurrence has α_k = 0,
/// β_k = k/2 and μ_0 = √π (Abramowitz &amp; Stegun 22.7.13; Golub &amp; Welsch 1969). Exact for
/// polynomials of degree ≤ 2n − 1.
/// </summary>
public static class GaussHermite
{
    /// <summary>The n-point rule for ∫ e^{−x²} f(x) dx.</summary>
    public static QuadratureRule Rule(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "a Gauss rule needs at least one node");
        var alpha = new double[n];
        var beta = new double[n];
        beta[0] = Math.Sqrt(Math.PI);
        for (int k = 1; k < n; k++) beta[k] = k / 2.0;
        return GaussRule.FromRecurrence(alpha, beta, n);
    }

    /// <summary>E_z[g(z)] for z ~ N(0, 1) with the n-point rule: (1/√π) Σ w_i g(√2 x_i), no split at any kink.</summary>
    public static double Expectation(QuadratureRule rule, Func<double, double> g)
    {
        const double sqrt2 = 1.4142135623730951;
        return rule.Integrate(x => g(sqrt2 * x)) / Math.Sqrt(Math.PI);
    }
}
