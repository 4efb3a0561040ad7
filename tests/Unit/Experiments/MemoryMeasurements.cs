namespace GradFlow.Tests.Unit.Experiments;

/// <summary>Tests that measure the process's live heap: they run alone, so no other test's objects are counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "memory measurements";
}
