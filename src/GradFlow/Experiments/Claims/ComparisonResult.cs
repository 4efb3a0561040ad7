namespace GradFlow.Experiments;

/// <summary>
/// One comparison decided on a folder's seeds: the test's raw and Holm-adjusted p, the sample sizes,
/// the effect size (its name in <see cref="EffectName"/>), the bootstrap interval where a threshold is
/// compared, the verdict and the measured values in words.
/// </summary>
public sealed record ComparisonResult(
    string Setting,
    ClaimTest Test,
    int N1,
    int N2,
    double P,
    double AdjustedP,
    double Effect,
    string EffectName,
    BootstrapInterval? Interval,
    ClaimVerdict Verdict,
    string Measured);
