namespace GradFlow.Experiments;

/// <summary>
/// A two-sided Mann–Whitney U test of x against y.
/// <see cref="U"/> is U1, the statistic of x (as scipy reports it); <see cref="P"/> the two-sided
/// asymptotic p-value; <see cref="RankBiserial"/> = 2·U1/(n1·n2) − 1, positive when x tends to be
/// larger; <see cref="Z"/> the continuity-corrected standard score of U1, signed the same way
/// (scipy's <c>zstatistic</c>), 0 when every value is tied.
/// </summary>
public sealed record MannWhitneyResult(double U, double P, double RankBiserial, int N1, int N2, double Z);
