namespace GradFlow.Experiments;

/// <summary>
/// manifest.json of a results folder: the whole spec, the GradFlow version, which shard, and timings.
/// Only <see cref="StartedUtc"/>, <see cref="FinishedUtc"/> and <see cref="ElapsedSeconds"/> differ between
/// two runs of the same spec.
/// </summary>
public sealed record Manifest
{
    public const string CurrentFormat = "gradflow.results/1";

    public string Format { get; init; } = CurrentFormat;
    public string GradflowVersion { get; init; } = typeof(Manifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    public required AblationSpec Spec { get; init; }
    public string Shard { get; init; } = "1/1";
    public int Runs { get; init; }
    public DateTime StartedUtc { get; init; }
    public DateTime? FinishedUtc { get; init; }
    public double? ElapsedSeconds { get; init; }

    /// <summary>Every file of the finished folder but the manifest, relative with '/', in ordinal order; absent until the report is written.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Outputs { get; init; }
}
