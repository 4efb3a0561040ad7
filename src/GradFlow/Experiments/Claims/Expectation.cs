namespace GradFlow.Experiments;

/// <summary>The direction a comparison states: the first sample above the second (or the threshold), below it, or alike.</summary>
public enum Expectation
{
    Greater,
    Less,

    /// <summary>No difference at α after adjustment, and the difference of means within the comparison's margin.</summary>
    Alike,
}
