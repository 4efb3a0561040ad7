namespace GradFlow.Experiments;

/// <summary>
/// The two-sided Mann–Whitney U test of final accuracy between two activations at one init and scale:
/// U of <see cref="Activation"/>'s sample, p, and the rank-biserial correlation from its side.
/// </summary>
public sealed record PairwiseTest(string Init, double Scale, string Activation, string Other, double U, double P, double RankBiserial);
