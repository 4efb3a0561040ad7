namespace GradFlow.Experiments;

/// <summary>How one comparison fares on the study's seeds and on new ones.</summary>
public enum RobustnessStatus
{
    /// <summary>Holds on both seed sets.</summary>
    Robust,

    /// <summary>Holds on the study's seeds, not on the new ones: a property of particular seeds.</summary>
    NotRobust,

    /// <summary>Does not hold on the study's seeds but holds on the new ones.</summary>
    HoldsOnNewSeedsOnly,

    /// <summary>Decided on both and holds on neither.</summary>
    HoldsOnNeither,

    /// <summary>Inconclusive or not applicable on at least one of the two.</summary>
    Undecided,
}
