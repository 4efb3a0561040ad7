namespace GradFlow.Experiments;

/// <summary>
/// A declared conclusion of the study: its id, the statement in words, where it applies
/// (<see cref="AppliesTo"/> in words, <see cref="Configuration"/> as a test of a folder's spec), the
/// metrics it reads, its statistic, α, its direction and effect size in words, and its comparisons,
/// whose p-values are Holm-adjusted together.
/// </summary>
public sealed record Claim(
    string Id,
    string Statement,
    string AppliesTo,
    IReadOnlyList<string> Metrics,
    string Statistic,
    string Direction,
    string EffectSize,
    Func<AblationSpec, bool> Configuration,
    IReadOnlyList<ClaimComparison> Comparisons)
{
    /// <summary>The significance level, in (0, 1); 0.05 unless the claim says otherwise.</summary>
    /// <remarks>No p is above 1: at α ≥ 1 a comparison whose effect is 0 (p = 1) would count as significant.</remarks>
    public double Alpha
    {
        get;
        init => field = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(Alpha), value, "α must lie in (0, 1)");
    } = 0.05;
}
