using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Experiments;
using GradFlow.Model;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>The per-run and per-setting mean-field predictions of a spec: two hidden layers, a few seeds, no training.</summary>
public sealed class TheoryPredictionsTests
{
    private static readonly AblationSpec Spec = new() { Activations = ["tanh"], Arch = [2, 5, 4, 1], N = 16, TestSize = 0.25, Seeds = [0, 1, 2], Epochs = 2 };

    private static readonly SettingKey Setting = new("tanh", "xavier", 1.5);

    [Fact]
    public void ForRun_IsTheDataAwarePredictionFromTheRunsOwnTrainingRows()
    {
        var key = Setting.WithSeed(2);
        // The rows the run trains on: default_rng(seed)'s data, split by the same seed (12 of 16 rows).
        var split = Xor.Split(Xor.Generate(16, Spec.Noise, 2), 0.25, 2);
        Assert.Equal(12, split.Train.Count);
        var expected = NetworkTheory.PredictDataAware(new Architecture([2, 5, 4, 1]), ActivationRegistry.Get("tanh"), InitScheme.Xavier, 1.5, split.Train);

        var p = TheoryPredictions.ForRun(Spec, key);

        Assert.Equal(expected.OutputQ, p.OutputQ);
        Assert.Equal(expected.Hidden, p.Hidden);
    }

    [Fact]
    public void ForRun_OtherSeed_SeesOtherRows() =>
        Assert.NotEqual(TheoryPredictions.ForRun(Spec, Setting.WithSeed(0)).Hidden[0].Q, TheoryPredictions.ForRun(Spec, Setting.WithSeed(1)).Hidden[0].Q);

    [Fact]
    public void ForSetting_ThreeSeeds_IsTheMeanOverSeedsOfEachLogAndOfQ()
    {
        var perSeed = Spec.Seeds.Select(s => TheoryPredictions.ForRun(Spec, Setting.WithSeed(s))).ToArray();

        var p = TheoryPredictions.ForSetting(Spec, Setting);

        Assert.Equal(Setting, p.Setting);
        Assert.Equal(2, p.Q.Length);
        for (int l = 0; l < 2; l++)
        {
            Assert.Equal(perSeed.Average(s => Math.Log(s.Hidden[l].DeltaRel)), p.LnDeltaRel[l], 1e-14);
            Assert.Equal(perSeed.Average(s => Math.Log(s.Hidden[l].Chi)), p.LnChi[l], 1e-14);
            Assert.Equal(perSeed.Average(s => s.Hidden[l].Q), p.Q[l], 1e-14 * p.Q[l]);
        }
    }

    [Fact]
    public void ForSetting_OneSeed_IsThatRunsPrediction()
    {
        var spec = Spec with { Seeds = [5] };
        var run = TheoryPredictions.ForRun(spec, Setting.WithSeed(5));

        var p = TheoryPredictions.ForSetting(spec, Setting);

        Assert.Equal(Math.Log(run.Hidden[1].Chi), p.LnChi[1]);
        Assert.Equal(run.Hidden[0].Q, p.Q[0]);
        Assert.Equal(run.Hidden[1].DeltaRel, p.DeltaRel(2), 1e-15);
        Assert.Equal(run.Hidden[0].Chi, p.Chi(1), 1e-15 * run.Hidden[0].Chi);
    }

    [Fact]
    public void SettingPrediction_LayersAreOneBased_AndExponentiateTheirLogs()
    {
        var p = new SettingPrediction(Setting, [Math.Log(2), Math.Log(5)], [0, Math.Log(0.25)], [1, 2]);

        Assert.Equal(2, p.DeltaRel(1), 14);
        Assert.Equal(5, p.DeltaRel(2), 14);
        Assert.Equal(1, p.Chi(1), 14);
        Assert.Equal(0.25, p.Chi(2), 14);
    }
}
