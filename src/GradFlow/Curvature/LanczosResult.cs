namespace GradFlow.Curvature;

/// <summary>
/// The extreme Ritz values of a Lanczos run and their residual norms ‖H·y − θ·y‖ (for a symmetric H each
/// Ritz value lies within its residual of an eigenvalue); <see cref="Steps"/> products of H were used.
/// </summary>
public sealed record LanczosResult(double Max, double Min, double MaxResidual, double MinResidual, int Steps, bool Converged);
