namespace GradFlow.Experiments;

/// <summary>
/// The values one comparison reads: two groups of seeds (Mann–Whitney), or per-seed pairs aligned by seed
/// (Wilcoxon, sign test). A comparison against a threshold has only <see cref="First"/>, one value per seed.
/// <see cref="FirstName"/> and <see cref="SecondName"/> say in words what each holds.
/// </summary>
public sealed record ComparisonSamples(double[] First, double[] Second, string FirstName, string SecondName);
