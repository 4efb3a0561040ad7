namespace GradFlow.Curvature;

/// <summary>
/// How one curvature measurement is made: Lanczos for λ_max and λ_min (at most <paramref name="LanczosSteps"/>
/// products, stopping when both residuals are below <paramref name="LanczosTolerance"/>·max|θ|), and the trace
/// exactly (P products, one per basis vector) when P ≤ <paramref name="ExactTraceMaxParameters"/>, else a
/// Hutchinson estimate from <paramref name="HutchinsonProbes"/> Rademacher probes.
/// </summary>
public sealed record CurvatureOptions(int LanczosSteps = 60, double LanczosTolerance = 1e-6, int HutchinsonProbes = 10, int ExactTraceMaxParameters = 0)
{
    public static CurvatureOptions Default { get; } = new();
}
