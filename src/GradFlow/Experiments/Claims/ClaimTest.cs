namespace GradFlow.Experiments;

/// <summary>The statistic a comparison decides with.</summary>
public enum ClaimTest
{
    /// <summary>Two-sided Mann–Whitney U of two groups of seeds; effect: rank-biserial correlation.</summary>
    MannWhitney,

    /// <summary>Two-sided Wilcoxon signed-rank test of per-seed differences; effect: matched-pairs rank-biserial.</summary>
    Wilcoxon,

    /// <summary>Two-sided exact sign test of per-seed differences; effect: (positive − negative)/n.</summary>
    Sign,
}
