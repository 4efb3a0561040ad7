namespace GradFlow.Experiments;

/// <summary>
/// Time to threshold of one setting across its seeds: how many seeds there were, how many never
/// reached the threshold (<c>count_never</c>), and the median first epoch over the seeds that did
/// (NaN when none did, as <c>np.median</c> of an empty array).
/// </summary>
public sealed record TimeToThresholdSummary(int Seeds, int CountNever, double Median);
