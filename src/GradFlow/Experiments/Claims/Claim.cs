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
    /// <summary>The significance level; 0.05 unless the claim says otherwise.</summary>
    public double Alpha { get; init; } = 0.05;
}
