using GradFlow.Experiments;
using GradFlow.Experiments.Statistics;

namespace GradFlow.Tests.Experiments;

/// <summary>
/// Mean-field theory beside the runs at initialisation (issue 12's claims 1–3): the data-aware prediction
/// of each layer's backpropagated signal against the epoch-0 measurement of the `deep`, `deep-wide` and
/// `paper` presets, decided across seeds.
/// </summary>
[Trait("Category", "Experiment")]
public sealed class TheoryClaims(DeepEpochZero deep, DeepWideEpochZero wide, PaperEpochZero paper)
    : IClassFixture<DeepEpochZero>, IClassFixture<DeepWideEpochZero>, IClassFixture<PaperEpochZero>
{
    private EpochZeroRuns Preset(string name) => name switch { "deep" => deep, "deep-wide" => wide, _ => paper };

    [Theory]
    [InlineData("deep")]
    [InlineData("deep-wide")]
    public void Claim1_Prediction_OrdersTheSettingsAsTheRunsDo(string preset)
    {
        var runs = Preset(preset);
        var settings = runs.Spec.Settings();
        var predicted = settings.Select(s => runs.Predictions[s].LnDeltaRel[0]).ToArray();
        var measured = settings.Select(s => EpochZeroRuns.Mean(runs.LnRatio(s, 1, runs.LastHidden))).ToArray();
        double rho = Spearman.Rho(predicted, measured);
        Claim.Holds(rho >= 0.9, $"theory 1: in {preset}, the predicted ln delta_rel of layer 1 ranks the {settings.Count} settings as the runs do (Spearman ρ ≥ 0.9)",
            $"ρ = {Claim.F(rho)}; predicted [{string.Join(", ", predicted.Select(Claim.F))}], measured (mean over seeds of ln) [{string.Join(", ", measured.Select(Claim.F))}]");
    }

    [Theory]
    [InlineData("deep")]
    [InlineData("deep-wide")]
    public void Claim2_EverySetting_PredictedWithinTheSlackSetBeforehand(string preset)
    {
        var runs = Preset(preset);
        var misses = new List<string>();
        foreach (var s in runs.Spec.Settings())
        {
            double measured = EpochZeroRuns.Mean(runs.LnRatio(s, 1, runs.LastHidden));
            double predicted = runs.Predictions[s].LnDeltaRel[0];
            // The slack fixed before any run (issue 12): finite width, the rank-2 input, seed-to-seed spread.
            double slack = 0.2 * Math.Abs(measured) + 0.35;
            if (!(Math.Abs(predicted - measured) <= slack))
                misses.Add($"{s.Stem}: predicted {Claim.F(predicted)}, measured {Claim.F(measured)}, slack {Claim.F(slack)}");
        }
        Claim.Holds(misses.Count == 0, $"theory 2: in {preset}, |ln predicted − mean ln measured| of layer 1's delta_rel ≤ 0.2·|ln measured| + 0.35 for every setting",
            string.Join("; ", misses));
    }

    public static TheoryData<double, int> PaperRatios() => new() { { 0.5, 1 }, { 0.5, 2 }, { 1.0, 1 }, { 1.0, 2 }, { 2.0, 1 }, { 2.0, 2 } };

    [Theory]
    [MemberData(nameof(PaperRatios))]
    public void Claim3_PaperRatios_RankTheActivationsAndAgreeWithinTheirSpread(double scale, int layer)
    {
        // ‖δ^l‖/‖δ^{l+1}‖ (layer 3 is the output); predicted = √χ^l, geometric mean over seeds.
        var runs = paper;
        var acts = runs.Spec.Activations;
        var predicted = new Dictionary<string, double>();
        var measured = new Dictionary<string, double>();
        var evidence = new List<string>();
        bool agree = true;
        foreach (var a in acts)
        {
            var s = new SettingKey(a, "xavier", scale);
            double p = runs.Predictions[s].LnChi[layer - 1] / 2;
            var m = runs.LnRatio(s, layer, layer + 1);
            double mean = EpochZeroRuns.Mean(m);
            // Three standard errors of the mean over seeds: the spread the seeds themselves show.
            double tolerance = 3 * EpochZeroRuns.Sd(m) / Math.Sqrt(m.Length);
            predicted[a] = p;
            measured[a] = mean;
            agree &= Math.Abs(p - mean) <= tolerance;
            evidence.Add($"{a}: predicted {Claim.F(Math.Exp(p))}, measured {Claim.F(Math.Exp(mean))} (tolerance ×e^±{Claim.F(tolerance)})");
        }
        // The same order for every pair, tanh and arctan (which differ by less than their spread) counted as tied.
        bool ranked = true;
        foreach (var a in acts)
            foreach (var b in acts)
            {
                if (string.CompareOrdinal(a, b) >= 0 || (new[] { a, b }.Order().SequenceEqual(["arctan", "tanh"]))) continue;
                ranked &= Math.Sign(predicted[a] - predicted[b]) == Math.Sign(measured[a] - measured[b]);
            }
        Claim.Holds(ranked && agree, $"theory 3: at scale {Claim.F(scale)}, ‖δ^{layer}‖/‖δ^{layer + 1}‖ at epoch 0 ranks the activations as predicted and agrees within 3 standard errors over seeds",
            string.Join("; ", evidence));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Claim3_ReluFirstTo085_StartsWithTheWeakestBackwardSignal(double scale)
    {
        // The study explains the smooth activations' lag by gradient attenuation. At initialisation ReLU —
        // the first to 0.85 at these scales (claim 4) — passes back the least signal, predicted and measured.
        var runs = paper;
        double Predicted(string a) => runs.Predictions[new SettingKey(a, "xavier", scale)].LnChi[0] / 2;
        double Measured(string a) => EpochZeroRuns.Mean(runs.LnRatio(new SettingKey(a, "xavier", scale), 1, 2));
        var smooth = runs.Spec.Activations.Where(a => a != "relu").ToArray();
        // Worked out beforehand: ReLU's ‖δ¹‖/‖δ²‖ = √(16·std₂²·½), std₂² = s²·2/32 (closed form, no quadrature).
        double closedForm = Math.Sqrt(16 * scale * scale * 2 / 32 * 0.5);
        Claim.Holds(Math.Abs(Math.Exp(Predicted("relu")) - closedForm) <= 1e-12 && smooth.All(a => Predicted("relu") < Predicted(a)) && smooth.All(a => Measured("relu") < Measured(a)),
            $"theory 3: at scale {Claim.F(scale)} ReLU starts with the weakest ‖δ¹‖/‖δ²‖, predicted and measured (so attenuation at initialisation cannot be why it trains faster)",
            string.Join("; ", runs.Spec.Activations.Select(a => $"{a}: predicted {Claim.F(Math.Exp(Predicted(a)))}, measured {Claim.F(Math.Exp(Measured(a)))}")));
    }
}
