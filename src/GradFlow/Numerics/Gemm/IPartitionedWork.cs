namespace GradFlow.Numerics;

/// <summary>Work split into parts that write disjoint outputs, so that the bits never depend on which thread ran which part.</summary>
public interface IPartitionedWork
{
    /// <summary>Does part <paramref name="part"/> of <paramref name="parts"/>: the same split for a given count, whoever calls it.</summary>
    void Run(int part, int parts);
}
