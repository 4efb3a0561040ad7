namespace GradFlow.Training;

/// <summary>A group of per-epoch metrics: its column names, and how to fill them from an epoch.</summary>
public interface IMetricGroup
{
    IReadOnlyList<string> Columns { get; }

    /// <summary>Writes this group's values, in <see cref="Columns"/> order, into <paramref name="row"/>.</summary>
    void Write(EpochState state, Span<double> row);
}
