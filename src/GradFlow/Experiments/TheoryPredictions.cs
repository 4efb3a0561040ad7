using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Theory;

namespace GradFlow.Experiments;

/// <summary>
/// The mean-field maps (<see cref="NetworkTheory"/>) for the runs of a spec: each run's network at
/// initialisation, from the training rows that run draws (the same default_rng(seed) data and split).
/// </summary>
public static class TheoryPredictions
{
    /// <summary>The data-aware prediction for one run.</summary>
    public static NetworkPrediction ForRun(AblationSpec spec, RunKey key)
    {
        var data = Xor.Generate(spec.N, spec.Noise, key.Seed, spec.RelabelAfterNoise);
        var split = Xor.Split(data, spec.TestSize, key.Seed);
        return NetworkTheory.PredictDataAware(spec.Architecture, ActivationRegistry.Get(key.Activation), InitSchemes.Parse(key.Init), key.Scale, split.Train);
    }

    /// <summary>The prediction for one setting: per hidden layer the mean over seeds of ln delta_rel, ln χ and q.</summary>
    public static SettingPrediction ForSetting(AblationSpec spec, SettingKey setting)
    {
        int hidden = spec.Architecture.HiddenLayerCount;
        var lnDelta = new double[hidden];
        var lnChi = new double[hidden];
        var q = new double[hidden];
        foreach (var seed in spec.Seeds)
        {
            var p = ForRun(spec, setting.WithSeed(seed));
            for (int l = 0; l < hidden; l++)
            {
                lnDelta[l] += Math.Log(p.Hidden[l].DeltaRel) / spec.Seeds.Count;
                lnChi[l] += Math.Log(p.Hidden[l].Chi) / spec.Seeds.Count;
                q[l] += p.Hidden[l].Q / spec.Seeds.Count;
            }
        }
        return new SettingPrediction(setting, lnDelta, lnChi, q);
    }
}
