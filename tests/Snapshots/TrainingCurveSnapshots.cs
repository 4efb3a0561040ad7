using GradFlow.Experiments;

namespace GradFlow.Tests.Snapshots;

/// <summary>
/// Approved training curves (TrainingCurveSnapshots/*.approved.txt): the `paper` configuration at seed 0
/// and scales 0.5 and 2 over its 3000 epochs, and the `seed` preset over its 2000, for every study
/// activation, sampled every 50 epochs and the last. Any change to the math that moves a curve fails here.
/// </summary>
[Trait("Category", "Snapshot")]
public sealed class TrainingCurveSnapshots
{
    public static AblationSpec Paper { get; } =
        Presets.Paper with { Scales = [0.5, 2.0], Seeds = [0], LogEvery = SnapshotText.SampleEvery };

    public static AblationSpec Seed { get; } = Presets.Seed with { LogEvery = SnapshotText.SampleEvery };

    public static TheoryData<string> PaperRuns => Stems(Paper);
    public static TheoryData<string> SeedRuns => Stems(Seed);

    [Theory]
    [MemberData(nameof(PaperRuns))]
    public void PaperCurve_Seed0_MatchesApproved(string run) => Snapshot.Verify(Curve(Paper, run), [run]);

    [Theory]
    [MemberData(nameof(SeedRuns))]
    public void SeedPresetCurve_MatchesApproved(string run) => Snapshot.Verify(Curve(Seed, run), [run]);

    /// <summary>The snapshot text of the run called <paramref name="stem"/> in <paramref name="spec"/>.</summary>
    public static string Curve(AblationSpec spec, string stem)
    {
        var key = spec.Validate().Runs().Single(k => k.Stem == stem);
        return SnapshotText.Curve(spec, RunExecutor.Execute(spec, key));
    }

    private static TheoryData<string> Stems(AblationSpec spec)
    {
        var data = new TheoryData<string>();
        foreach (var key in spec.Runs()) data.Add(key.Stem);
        return data;
    }
}
