namespace GradFlow.Experiments;

/// <summary>
/// One comparison a claim makes, e.g. "scale 2: relu vs tanh". <see cref="Read"/> takes the values from
/// the seeds of a folder (null when a setting it needs is missing). With a <see cref="Threshold"/>, each
/// seed's value in <see cref="ComparisonSamples.First"/> is tested against it (value − threshold) and the
/// 95 % bootstrap interval of the mean must lie on the stated side of it. With a <see cref="Margin"/>
/// (an <see cref="Expectation.Alike"/> comparison), the two means must differ by less than it.
/// </summary>
public sealed record ClaimComparison(string Setting, ClaimTest Test, Expectation Expect, Func<ISeedValues, ComparisonSamples?> Read)
{
    public double? Threshold { get; init; }
    public double? Margin { get; init; }
}
