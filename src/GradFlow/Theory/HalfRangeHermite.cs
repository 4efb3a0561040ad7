namespace GradFlow.Theory;

/// <summary>
/// Half-range Gauss–Hermite rules: the weight e^{−x²} on [0, ∞). Their recurrence has no closed form,
/// so it is computed by the discretised Stieltjes procedure (Gautschi 1982, "On generating orthogonal
/// polynomials", §2.2; Gautschi 2004, "Orthogonal Polynomials: Computation and Approximation", §2.2.3):
/// the measure is replaced by a discrete one — composite Gauss–Legendre on [0, L] — whose inner products
/// ⟨p, q⟩ = Σ_j ω_j p(t_j) q(t_j) agree with the true ones to rounding for the polynomials involved, and
/// α_k = ⟨tπ_k, π_k⟩/⟨π_k, π_k⟩, β_k = ⟨π_k, π_k⟩/⟨π_{k−1}, π_{k−1}⟩ are read off while π_k is built by
/// its recurrence (Stieltjes's procedure, well conditioned where the moment route is not).
/// Why this is accurate: the discretised integrands e^{−t²}π_k(t)² are entire; each panel of width 1/2
/// carries a 24-point Gauss–Legendre rule (exact to degree 47, and the Taylor series of e^{−t²} over a
/// half-unit panel converges far faster than that), and L = √(2n) + 12 leaves past it less than e^{−100}
/// of any e^{−t²}t^{2k}, k ≤ n, relative to its peak. Because every node of the half-line rule is a
/// point where the integrand of the half-line piece is smooth, a function with a kink at 0 (ReLU's φ′)
/// is integrated as exactly as a polynomial: Σ w_i = μ_0 = √π/2 to rounding.
/// The rule itself is not correctly rounded: against rules from exact moments at 400 digits
/// (tests/Unit/Theory/oracle/gauss_rules.py) its nodes and weights differ by up to about 1.2e-11 relative
/// at n = 64, the rounding of the recurrence's long sums carried into α_k and β_k.
/// </summary>
public static class HalfRangeHermite
{
    private const int PanelNodes = 24;
    private const double PanelWidth = 0.5;

    /// <summary>The n-point rule for ∫_0^∞ e^{−x²} f(x) dx.</summary>
    public static QuadratureRule Rule(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "a Gauss rule needs at least one node");
        var (alpha, beta) = Recurrence(n);
        // The discretised β_0 is √π/2 to rounding; the exact mass is used so that Σ w_i = √π/2 by construction.
        beta[0] = 0.5 * Math.Sqrt(Math.PI);
        return GaussRule.FromRecurrence(alpha, beta, n);
    }

    /// <summary>α_0…α_{n−1} and β_0…β_{n−1} of e^{−x²} on [0, ∞), by the discretised Stieltjes procedure.</summary>
    public static (double[] Alpha, double[] Beta) Recurrence(int n)
    {
        var (t, omega) = Discretisation(n);
        int m = t.Length;
        var alpha = new double[n];
        var beta = new double[n];
        // Orthonormal q_k = π_k/‖π_k‖ on the discrete measure: √β_{k+1} q_{k+1} = (t − α_k)q_k − √β_k q_{k−1},
        // so ‖(t − α_k)q_k − √β_k q_{k−1}‖² is β_{k+1} (the monic π_k themselves would overflow for large k).
        var previous = new double[m];
        var current = new double[m];
        double mass = 0;
        for (int j = 0; j < m; j++) mass += omega[j];
        beta[0] = mass;
        Array.Fill(current, 1 / Math.Sqrt(mass));
        for (int k = 0;
             // Stryker disable once Equality : `k < n` → `k <= n`: the loop always leaves by the break at k + 1 == n first
             k < n; k++)
        {
            double moment = 0;
            for (int j = 0; j < m; j++) moment += omega[j] * current[j] * current[j] * t[j];
            alpha[k] = moment;
            if (k + 1 == n) break;
            // Stryker disable once Conditional : at k = 0 `previous` is all +0, so √β_0·0 = +0 and r = (t − α)q − 0 has the same bits
            double rootBeta = k == 0 ? 0 : Math.Sqrt(beta[k]);
            double norm = 0;
            for (int j = 0; j < m; j++)
            {
                double r = (t[j] - alpha[k]) * current[j] - rootBeta * previous[j];
                previous[j] = current[j];
                current[j] = r;
                norm += omega[j] * r * r;
            }
            beta[k + 1] = norm;
            double inverse = 1 / Math.Sqrt(norm);
            for (int j = 0; j < m; j++) current[j] *= inverse;
        }
        return (alpha, beta);
    }

    // Composite Gauss–Legendre on [0, L]: nodes t_j and weights ω_j = (panel Jacobian)·λ_j·e^{−t_j²}.
    private static (double[] T, double[] Omega) Discretisation(int n)
    {
        double length = Math.Sqrt(2.0 * n) + 12.0;
        int panels = (int)Math.Ceiling(length / PanelWidth);
        var legendre = GaussLegendre.Rule(PanelNodes);
        var t = new double[panels * PanelNodes];
        var omega = new double[t.Length];
        for (int p = 0; p < panels; p++)
        {
            double mid = (p + 0.5) * PanelWidth, half = 0.5 * PanelWidth;
            for (int i = 0; i < PanelNodes; i++)
            {
                double x = mid + half * legendre.Nodes[i];
                t[p * PanelNodes + i] = x;
                omega[p * PanelNodes + i] = half * legendre.Weights[i] * Math.Exp(-x * x);
            }
        }
        return (t, omega);
    }
}
