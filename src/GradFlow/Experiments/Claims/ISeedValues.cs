namespace GradFlow.Experiments;

/// <summary>The seam claims read through: a folder's spec and, per setting, its seeds' runs in seed order.</summary>
public interface ISeedValues
{
    AblationSpec Spec { get; }

    /// <summary>The runs of <paramref name="setting"/> in seed order; empty when the folder holds none.</summary>
    IReadOnlyList<SeedRun> Runs(SettingKey setting);
}
