namespace GradFlow.Experiments;

/// <summary>A claim decided on one folder: its verdict, why (in words), and each comparison.</summary>
public sealed record ClaimResult(Claim Claim, ClaimVerdict Verdict, string Reason, IReadOnlyList<ComparisonResult> Comparisons);
