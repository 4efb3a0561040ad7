using GradFlow.Activations;
using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Experiments;

/// <summary>
/// Curvature claims (Cohen et al., "Gradient Descent on Neural Networks Typically Occurs at the Edge of
/// Stability", ICLR 2021) on the study's task: the `eos` preset (10 seeds, η ∈ {0.05, 0.5, 1, 2}, λ_max every
/// 10th epoch) and the paper preset with λ_max every 50th epoch.
/// </summary>
[Trait("Category", "Experiment")]
public sealed class EdgeOfStabilityClaims(EosPresetResults eos, PaperCurvatureResults paper) : IClassFixture<EosPresetResults>, IClassFixture<PaperCurvatureResults>
{
    private static readonly string[] All = [.. ActivationRegistry.StudyNames];

    private static string Sharpness => MetricCatalog.Sharpness.Name;
    private static string Edge => MetricCatalog.SharpnessLrOver2.Name;

    private IReadOnlyList<RunResult> EosRuns(string activation, double lr) =>
        eos.Outcome.Runs.Where(r => r.Key.Activation == activation && r.Key.Setting.LearningRate == lr).ToArray();

    /// <summary>(epoch, value) of a curvature column at the epochs it was measured.</summary>
    private static (int Epoch, double Value)[] Measured(RunResult run, string column)
    {
        var values = run.Log.Column(column);
        return run.Log.Epochs.ToArray().Select((e, i) => (e, values[i])).Where(p => !double.IsNaN(p.Item2)).ToArray();
    }

    private static double Median(IEnumerable<double> values) => Quantile.Median(values.ToArray());

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Claim1_AtTheStudysRate_EverySettingStaysFarInsideTheStableRegion(double scale)
    {
        // The statistic: the largest λ_max·η/2 over every curvature epoch of every seed, per activation; it must stay below 0.5.
        foreach (var activation in All)
        {
            var runs = paper.RunsOf(activation, scale);
            var maxima = runs.Select(r => Measured(r, Edge).Max(p => p.Value)).ToArray();
            Claim.Holds(runs.Count == 10 && runs.All(r => !r.Diverged) && maxima.Max() < 0.5,
                $"1: at η = 0.05, {activation} at scale {scale} keeps λ_max·η/2 below 0.5 at every curvature epoch of every seed",
                $"per-seed maxima of λ_max·η/2 [{string.Join(", ", maxima.Select(Claim.F))}] (largest {Claim.F(maxima.Max())}); λ_max up to {Claim.F(maxima.Max() * 2 / 0.05)}");
        }
    }

    [Fact]
    public void Claim2_AtRateTwo_GradientDescentHoversAtTheEdgeWithoutDiverging()
    {
        // The statistic: per seed, the median over the second half of training (epochs ≥ 1000) of λ_max·η/2 at η = 2;
        // the claim holds for an activation when no seed diverges and at least 7 of 10 medians lie in [0.8, 1.25].
        var findings = new List<string>();
        foreach (var activation in All)
        {
            var runs = EosRuns(activation, 2.0);
            var medians = runs.Select(r => Median(Measured(r, Edge).Where(p => p.Epoch >= eos.Spec.Epochs / 2).Select(p => p.Value))).ToArray();
            int inside = medians.Count(m => m >= 0.8 && m <= 1.25);
            int diverged = runs.Count(r => r.Diverged);
            findings.Add($"{activation}: {inside}/10 inside, medians [{string.Join(", ", medians.Select(Claim.F))}], {diverged} diverged");
            Claim.Holds(runs.Count == 10 && diverged == 0 && inside >= 7,
                $"2: at η = 2 (2/η = 1) {activation} does not diverge and λ_max·η/2 hovers at the edge: its second-half median lies in [0.8, 1.25] on at least 7 of 10 seeds",
                string.Join("; ", findings));
        }
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void Claim3_WhereTwoOverEtaIsFarAbove_SharpnessRisesBeforeTheLossPlateaus(double lr)
    {
        // 2/η = 40 and 4, well above the initial sharpness (about 0.6 to 1.1 here). The statistic: per seed, λ_max at the
        // plateau onset t_p (the first epoch whose train loss is within 10 % of the way from its final value to its initial
        // one) over λ_max at epoch 0. Holds when every activation has at least 9 of 10 seeds above 1.2, and a one-sided
        // sign test of "ratio > 1" over all 40 seeds gives p < 1e-3.
        var logRatios = new List<double>();
        var findings = new List<string>();
        foreach (var activation in All)
        {
            var ratios = EosRuns(activation, lr).Select(r =>
            {
                var loss = r.Log.Column("train_loss");
                double l0 = loss[0], lf = loss[^1];
                int tp = r.Log.Epochs[Enumerable.Range(0, loss.Length).First(i => loss[i] <= lf + 0.1 * (l0 - lf))];
                var sharp = Measured(r, Sharpness);
                return sharp.Last(p => p.Epoch <= tp).Value / sharp[0].Value;
            }).ToArray();
            logRatios.AddRange(ratios.Select(x => Math.Log(x)));
            findings.Add($"{activation}: ratios [{string.Join(", ", ratios.Select(Claim.F))}]");
            Claim.Holds(ratios.Length == 10 && ratios.Count(x => x > 1.2) >= 9,
                $"3: at η = {lr} {activation}'s sharpness at the loss plateau exceeds 1.2× its initial value on at least 9 of 10 seeds", string.Join("; ", findings));
        }
        // The library's exact sign test on ln(ratio); one-sided in the claimed direction: half the two-sided p.
        var sign = SignTest.Test(logRatios.ToArray());
        double p = sign.Positive > sign.Negative ? sign.P / 2 : 1.0;
        Claim.Holds(p < 1e-3, $"3: at η = {lr} sharpness rises before the plateau more often than chance (one-sided sign test)", $"{sign.Positive} of {sign.N} seeds, p = {Claim.F(p)}");
    }
}
