namespace GradFlow.Experiments;

/// <summary>
/// A two-sided Wilcoxon signed-rank test of the paired differences d = x − y.
/// <see cref="RankSumPlus"/> and <see cref="RankSumMinus"/> are the rank sums R+ and R− of the non-zero
/// differences; <see cref="T"/> = min(R+, R−) is scipy's statistic; <see cref="P"/> the two-sided p-value;
/// <see cref="N"/> the number of non-zero differences (zero differences are dropped, <see cref="Zeros"/>);
/// <see cref="Exact"/> whether <see cref="P"/> comes from the exact null distribution (otherwise the
/// tie-corrected normal approximation); <see cref="Z"/> = (R+ − n(n+1)/4)/σ, positive when x tends to
/// exceed y (NaN for an exact test); <see cref="RankBiserial"/> the matched-pairs rank-biserial
/// correlation (R+ − R−)/(R+ + R−) (Kerby 2014), in [−1, 1], 0 when every difference is zero.
/// </summary>
public sealed record WilcoxonResult(
    double RankSumPlus, double RankSumMinus, double T, double P, int N, int Zeros, bool Exact, double Z, double RankBiserial);
