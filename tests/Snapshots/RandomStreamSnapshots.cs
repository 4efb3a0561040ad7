using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Experiments;
using GradFlow.Model;

namespace GradFlow.Tests.Snapshots;

/// <summary>
/// The random streams' first draws, approved (RandomStreamSnapshots/*.approved.txt): the initial weights of
/// every curve's setting and the first rows of the data and split, so that a change in a stream shows as
/// itself and not only as moved curves.
/// </summary>
[Trait("Category", "Snapshot")]
public sealed class RandomStreamSnapshots
{
    // Every (init, scale, seed) that TrainingCurveSnapshots trains from.
    private static readonly IReadOnlyDictionary<string, (AblationSpec Spec, RunKey Key)> Inits =
        new[] { TrainingCurveSnapshots.Paper, TrainingCurveSnapshots.Seed }
            .SelectMany(spec => spec.Runs().Select(key => (Spec: spec, Key: key)))
            .GroupBy(run => $"{run.Key.Init}_{ScaleTag.Of(run.Key.Scale)}_seed{run.Key.Seed}")
            .ToDictionary(g => g.Key, g => g.First());

    public static TheoryData<string> InitSettings => new(Inits.Keys.Order(StringComparer.Ordinal));

    // The data each preset of TrainingCurveSnapshots draws: `paper` at seed 0 (with its split), `seed` at 42.
    private static readonly IReadOnlyDictionary<string, AblationSpec> DataSpecs =
        new[] { TrainingCurveSnapshots.Paper, TrainingCurveSnapshots.Seed }.ToDictionary(spec => $"{spec.Name}_seed{spec.Seeds[0]}");

    public static TheoryData<string> DataSettings => new(DataSpecs.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(InitSettings))]
    public void InitialWeights_MatchApproved(string setting)
    {
        var (spec, key) = Inits[setting];
        var model = Mlp.Init(spec.Architecture, ActivationRegistry.Get(key.Activation), InitSchemes.Parse(key.Init), key.Scale, key.Seed);

        Snapshot.Verify(SnapshotText.Weights($"initial weights: {setting}, arch {spec.Architecture}", model), [setting]);
    }

    [Theory]
    [MemberData(nameof(DataSettings))]
    public void Dataset_FirstRows_MatchApproved(string setting)
    {
        var spec = DataSpecs[setting];
        var seed = spec.Seeds[0];
        var data = Xor.Generate(spec.N, spec.Noise, seed, spec.RelabelAfterNoise);
        string where = $"{setting}: {SnapshotText.DescribeData(spec)}";

        var text = SnapshotText.Rows($"generated, in order; {where}", data, 10);
        if (spec.HasTestSplit)
        {
            var split = Xor.Split(data, spec.TestSize, seed);
            text += "\n" + SnapshotText.Rows($"train split, first rows; {where}", split.Train, 10)
                + "\n" + SnapshotText.Rows($"test split, first rows; {where}", split.Test, 10);
        }
        Snapshot.Verify(text, [setting]);
    }
}
