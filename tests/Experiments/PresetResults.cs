using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Experiments;

/// <summary>
/// One preset run afresh into artifacts/experiments/&lt;preset&gt;/ (or $GRADFLOW_ARTIFACTS/experiments/&lt;preset&gt;),
/// with its figures and report, and the study's claims decided on its seeds: the artifacts a person
/// looks at when a claim fails.
/// </summary>
public abstract class PresetResults
{
    protected PresetResults(AblationSpec spec)
    {
        string dir = Path.Combine(ArtifactsRoot(), "experiments", spec.Name);
        // A stale folder would be resumed, not recomputed: the claims must be decided by this build.
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Outcome = SweepRunner.Run(spec, dir);
        Figures = ReportWriter.Write(Outcome);
        Claims = ClaimEvaluator.Evaluate(SeedValues.Of(Outcome));
    }

    public SweepOutcome Outcome { get; }
    public IReadOnlyList<string> Figures { get; }
    public IReadOnlyList<ClaimResult> Claims { get; }
    public AblationSpec Spec => Outcome.Spec;

    public ClaimResult Claim(string id) => Experiments.Claim.Of(Claims, id);

    public IReadOnlyList<RunResult> RunsOf(string activation, double scale, string? init = null) =>
        Outcome.Runs.Where(r => r.Key.Activation == activation && r.Key.Scale == scale && (init is null || r.Key.Init == init)).ToArray();

    /// <summary>The repository root (where GradFlow.sln is) + /artifacts, unless GRADFLOW_ARTIFACTS says otherwise.</summary>
    public static string ArtifactsRoot()
    {
        var overridden = Environment.GetEnvironmentVariable("GRADFLOW_ARTIFACTS");
        if (!string.IsNullOrEmpty(overridden)) return Path.GetFullPath(overridden);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GradFlow.sln"))) return Path.Combine(dir.FullName, "artifacts");
        return Path.Combine(AppContext.BaseDirectory, "artifacts");
    }
}

public sealed class SeedPresetResults() : PresetResults(Presets.Seed);

/// <summary>The first study's configuration on ten seeds (42–51): the seed preset's one seed cannot decide a claim.</summary>
public sealed class SeedTenSeedsResults() : PresetResults(Presets.Seed with { Name = "seed-42-51", Seeds = [.. Enumerable.Range(42, 10).Select(s => (ulong)s)] });

public sealed class PaperPresetResults() : PresetResults(Presets.Paper);

public sealed class PaperHeldoutPresetResults() : PresetResults(Presets.PaperHeldout);

public sealed class DeepPresetResults() : PresetResults(Presets.Deep);

public sealed class EosPresetResults() : PresetResults(Presets.Eos);

/// <summary>The paper preset with the curvature instruments every 50th epoch (its own folder; the paper preset's files stay as they are).</summary>
public sealed class PaperCurvatureResults() : PresetResults(Presets.Paper with { Name = "paper_curvature", CurvatureEvery = 50 });
/// <summary>
/// The deep configuration's initial network (claim 9 reads epoch 0 only) on twenty seeds, ReLU alone:
/// the deep preset's five seeds are too few for its two comparisons.
/// </summary>
public sealed class DeepTwentySeedsResults() : PresetResults(Presets.Deep with
{
    Name = "deep-initial-0-19", Activations = ["relu"], Seeds = [.. Enumerable.Range(0, 20).Select(s => (ulong)s)], Epochs = 1,
});

/// <summary>The paper preset on the study's seeds and on new ones share one collection, so each sweep runs once.</summary>
[CollectionDefinition(Name)]
public sealed class PaperCollection : ICollectionFixture<PaperPresetResults>, ICollectionFixture<PaperHeldoutPresetResults>
{
    public const string Name = "paper presets";
}
