namespace GradFlow.Experiments;

/// <summary>
/// A two-sided exact sign test of paired differences: <see cref="Positive"/> and <see cref="Negative"/>
/// count the differences above and below 0 (<see cref="Zeros"/> are dropped), <see cref="P"/> is the
/// binomial(n, ½) two-sided p-value, and <see cref="Effect"/> = (positive − negative)/n, in [−1, 1]
/// (0 when every difference is zero).
/// </summary>
public sealed record SignTestResult(int Positive, int Negative, int Zeros, double P, double Effect)
{
    public int N => Positive + Negative;
}
