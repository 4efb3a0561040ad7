namespace GradFlow.Experiments;

/// <summary>One comparison of a claim on the study's seeds and on new seeds, and what that says.</summary>
public sealed record ComparisonRobustness(string ClaimId, string Setting, RobustnessStatus Status, ComparisonResult Study, ComparisonResult NewSeeds);
