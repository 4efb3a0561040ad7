namespace GradFlow.Experiments;

/// <summary>
/// The two-sided Mann–Whitney U test of final accuracy between two activations at one init, scale and
/// learning rate: U of <see cref="Activation"/>'s sample, p, and the rank-biserial correlation from its side.
/// <see cref="LearningRate"/> is set only on a sweep over more than one rate (as in <see cref="SettingKey"/>).
/// </summary>
public sealed record PairwiseTest(string Init, double Scale, string Activation, string Other, double U, double P, double RankBiserial, double? LearningRate = null);
