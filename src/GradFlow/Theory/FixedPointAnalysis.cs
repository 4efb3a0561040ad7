namespace GradFlow.Theory;

/// <summary>
/// The mean-field picture of a deep network with weight variance σ_w²/N and bias variance σ_b²
/// (Schoenholz et al. 2017, §3): the length map's fixed point q*, χ₁ at it, the slope χ_q of the length
/// map there, the correlation map's stable fixed point c* and its slope χ_c, the depth scales
/// ξ_q = −1/ln χ_q and ξ_c = −1/ln χ_c (∞ where the slope is 1), and the phase.
/// <see cref="QStar"/> is +∞ where the length map has no finite attracting fixed point (then the rest is NaN).
/// </summary>
public sealed record FixedPointAnalysis(
    double SigmaW2, double SigmaB2, double QStar, double Chi1, double ChiQ, double CStar, double ChiC, double XiQ, double XiC, Phase Phase);
