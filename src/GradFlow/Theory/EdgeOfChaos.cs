using GradFlow.Activations;

namespace GradFlow.Theory;

/// <summary>
/// The edge-of-chaos curve σ_b(σ_w) of an activation: the (σ_w, σ_b) where χ₁ = σ_w² E[φ′(√q* z)²] = 1.
/// Parametrised by q* as in Poole et al. (2016, Fig. 2) and Pennington et al. (2017): for a given q*,
/// χ₁ = 1 fixes σ_w² = 1/E[φ′(√q* z)²], and q* being the length map's fixed point fixes
/// σ_b² = q* − σ_w² E[φ(√q* z)²]; points with σ_b² &lt; 0 are not networks and are left out.
/// For ReLU every q* gives σ_w² = 2, σ_b = 0: the edge is the single point (√2, 0).
/// </summary>
public static class EdgeOfChaos
{
    /// <summary>The curve at <paramref name="points"/> values of q* spaced evenly in log between <paramref name="qMin"/> and <paramref name="qMax"/>.</summary>
    public static IReadOnlyList<EdgePoint> Curve(Activation activation, int points = 60, double qMin = 1e-3, double qMax = 100)
    {
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "the curve needs at least 2 points");
        if (!(qMin > 0 && qMax > qMin) || double.IsInfinity(qMax)) throw new ArgumentOutOfRangeException(nameof(qMin), qMin, "need 0 < qMin < qMax < ∞");
        var phi = new MeanFieldActivation(activation);
        var curve = new List<EdgePoint>(points);
        for (int i = 0; i < points; i++)
        {
            double q = qMin * Math.Pow(qMax / qMin, i / (double)(points - 1));
            double sigmaW2 = 1 / phi.SlopeSecondMoment(q);
            double sigmaB2 = q - sigmaW2 * phi.SecondMoment(q);
            // Rounding can leave a −1e-16·q where the exact σ_b² is 0 (ReLU): that is σ_b = 0, not "no network".
            if (sigmaB2 < 0 && sigmaB2 > -1e-12 * q) sigmaB2 = 0;
            if (sigmaB2 >= 0 && double.IsFinite(sigmaW2)) curve.Add(new EdgePoint(q, Math.Sqrt(sigmaW2), Math.Sqrt(sigmaB2)));
        }
        return curve;
    }
}
