namespace GradFlow.Experiments;

/// <summary>A run of the sweep is done (<paramref name="Resumed"/>: it was already on disk).</summary>
public sealed record SweepProgress(RunKey Run, int Done, int Total, bool Resumed);
