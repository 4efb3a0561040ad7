namespace GradFlow.Experiments;

/// <summary>What the seeds of a results folder say about a claim, or about one of its comparisons.</summary>
public enum ClaimVerdict
{
    /// <summary>Every comparison goes the stated way at α after Holm's adjustment.</summary>
    Holds,

    /// <summary>At least one comparison that the seeds could decide goes against the statement.</summary>
    DoesNotHold,

    /// <summary>Too few seeds: even the most extreme outcome they could give would not reach α after adjustment.</summary>
    Inconclusive,

    /// <summary>The folder was not run with the configuration the claim is about, or lacks a setting it compares.</summary>
    NotApplicable,
}
