namespace GradFlow.Theory;

/// <summary>One point (σ_w, σ_b) of the edge of chaos, where χ₁ = 1 at the length map's fixed point q*.</summary>
public sealed record EdgePoint(double QStar, double SigmaW, double SigmaB);
