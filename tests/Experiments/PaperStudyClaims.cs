using GradFlow.Activations;
using GradFlow.Experiments;

namespace GradFlow.Tests.Experiments;

/// <summary>The multi-seed study (`paper` preset: 10 seeds, Xavier scales 0.5, 1, 2, 25 % test split, 3000 epochs).</summary>
[Trait("Category", "Experiment")]
public sealed class PaperStudyClaims(PaperPresetResults results) : IClassFixture<PaperPresetResults>
{
    private static readonly string[] Smooth = [.. ActivationRegistry.SmoothStudyNames];
    private static readonly string[] All = [.. ActivationRegistry.StudyNames];

    /// <summary>Per seed, the first epoch with test accuracy ≥ 0.85, a seed that never gets there counting as the budget.</summary>
    private int[] EpochsTo085(string activation, double scale) =>
        results.RunsOf(activation, scale)
            .Select(r => TimeToThreshold.FirstEpoch(r.Log.Epochs, r.Log.Column("test_acc"), 0.85) ?? results.Spec.Epochs)
            .ToArray();

    [Theory]
    [InlineData("tanh")]
    [InlineData("arctan")]
    public void Claim3_AtScaleHalf_ReluEndsAheadSignificantly(string smooth)
    {
        var test = results.Pair("relu", smooth, 0.5);
        double reluAhead = test.Activation == "relu" ? test.RankBiserial : -test.RankBiserial;
        double reluMean = results.FinalMean("relu", 0.5, "test_acc"), otherMean = results.FinalMean(smooth, 0.5, "test_acc");
        Claim.Holds(test.P < 0.01 && reluAhead > 0, $"3: at scale 0.5 ReLU's final test accuracy exceeds {smooth}'s (two-sided Mann-Whitney p < 0.01, ReLU ahead)",
            $"Mann-Whitney p {Claim.F(test.P)}, rank-biserial (relu ahead > 0) {Claim.F(reluAhead)}; mean final test_acc relu {Claim.F(reluMean)}, {smooth} {Claim.F(otherMean)}");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Claim4_Relu_HasTheSmallestMedianEpochTo085(double scale)
    {
        double relu = Quantile.Median(EpochsTo085("relu", scale).Select(e => (double)e).ToArray());
        foreach (var smooth in Smooth)
        {
            double other = Quantile.Median(EpochsTo085(smooth, scale).Select(e => (double)e).ToArray());
            Claim.Holds(relu < other, $"4: at scale {scale} ReLU's median epoch to test accuracy 0.85 is below {smooth}'s (never = budget {results.Spec.Epochs})",
                $"median epoch relu {Claim.F(relu)}, {smooth} {Claim.F(other)}");
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Claim5_Arctan_ReachesTheThresholdNoEarlierThanTanhOnMostSeeds(double scale)
    {
        var tanh = EpochsTo085("tanh", scale);
        var arctan = EpochsTo085("arctan", scale);
        int lagging = tanh.Zip(arctan, (t, a) => a >= t).Count(x => x);
        // A seed on which neither gets there within the budget counts as "no earlier"; the message says how many did so.
        int neither = tanh.Zip(arctan, (t, a) => t == results.Spec.Epochs && a == results.Spec.Epochs).Count(x => x);
        Claim.Holds(lagging >= 8, $"5: at scale {scale} arctan reaches test accuracy 0.85 no earlier than tanh on at least 8 of 10 seeds",
            $"{lagging} of {tanh.Length} seeds ({neither} where neither reaches it); epochs tanh [{string.Join(",", tanh)}], arctan [{string.Join(",", arctan)}]");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Claim6_AtLargerScales_AllFourEndAlike(double scale)
    {
        for (int i = 0; i < All.Length; i++)
            for (int j = i + 1; j < All.Length; j++)
            {
                double a = results.FinalMean(All[i], scale, "test_acc"), b = results.FinalMean(All[j], scale, "test_acc");
                double p = results.Pair(All[i], All[j], scale).P;
                Claim.Holds(Math.Abs(a - b) < 0.02 && p >= 0.05, $"6: at scale {scale} {All[i]} and {All[j]} end alike (mean final test accuracy within 0.02, Mann-Whitney p >= 0.05)",
                    $"mean final test_acc {All[i]} {Claim.F(a)}, {All[j]} {Claim.F(b)} (difference {Claim.F(Math.Abs(a - b))}); Mann-Whitney p {Claim.F(p)}");
            }
    }

    [Fact]
    public void Claim7_AtScaleTwo_TanhDerivativeTailIsATenthOfTheOthers()
    {
        double tanh = results.FinalMean("tanh", 2.0, "dphi_p01_abs");
        foreach (var other in new[] { "arctan", "softsign" })
        {
            double value = results.FinalMean(other, 2.0, "dphi_p01_abs");
            Claim.Holds(tanh <= 0.1 * value, $"7: at scale 2 tanh's mean final dphi_p01_abs is at most a tenth of {other}'s",
                $"mean final dphi_p01_abs tanh {Claim.F(tanh)}, {other} {Claim.F(value)} (ratio {Claim.F(tanh / value)})");
        }
    }

    [Fact]
    public void Claim8_LargerInitialisation_LeavesTheLinearRegime()
    {
        foreach (var activation in All)
        {
            double s05 = results.FinalMean(activation, 0.5, "z_p90_abs"), s1 = results.FinalMean(activation, 1.0, "z_p90_abs"), s2 = results.FinalMean(activation, 2.0, "z_p90_abs");
            Claim.Holds(s05 < s1 && s1 < s2, $"8: {activation}'s mean final z_p90_abs rises from scale 0.5 to 1 to 2",
                $"z_p90_abs at 0.5 {Claim.F(s05)}, at 1 {Claim.F(s1)}, at 2 {Claim.F(s2)}");
        }
        double relu = results.FinalMean("relu", 0.5, "z_near0_rate");
        foreach (var smooth in new[] { "tanh", "arctan" })
        {
            double value = results.FinalMean(smooth, 0.5, "z_near0_rate");
            Claim.Holds(value > relu, $"8: at scale 0.5 {smooth}'s z_near0_rate exceeds ReLU's",
                $"mean final z_near0_rate {smooth} {Claim.F(value)}, relu {Claim.F(relu)}");
        }
    }

    [Fact]
    public void Artifacts_PaperStudy_HoldTheStudyFiguresPerScaleAndTheReport()
    {
        var plots = results.Outcome.Store.PlotsDirectory;
        var pngs = Directory.GetFiles(plots, "*.png").Select(Path.GetFileName).ToArray();
        foreach (var scale in results.Spec.Scales)
        {
            string tag = ScaleTag.Of(scale);
            Assert.Contains(pngs, f => f!.Contains("accuracy_comparison") && f.Contains(tag));
            Assert.Contains(pngs, f => f!.Contains("z_near0_rate") && f.Contains(tag));
        }
        Assert.True(File.Exists(results.Outcome.Store.ReportPath));
    }
}
