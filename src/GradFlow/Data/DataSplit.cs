namespace GradFlow.Data;

/// <summary>A train/test split; <see cref="Test"/> is empty when the spec has no test split.</summary>
public sealed record DataSplit(Dataset Train, Dataset Test)
{
    public bool HasTest => Test.Count > 0;
}
