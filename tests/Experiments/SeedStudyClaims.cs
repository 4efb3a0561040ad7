using GradFlow.Activations;

namespace GradFlow.Tests.Experiments;

/// <summary>The first study (`seed` preset: one seed, N(0, 0.1²) init, 2000 epochs, accuracy on all 300 points).</summary>
[Trait("Category", "Experiment")]
public sealed class SeedStudyClaims(SeedPresetResults results) : IClassFixture<SeedPresetResults>
{
    private double[] Curve(string activation, string metric) => results.RunsOf(activation, 1.0).Single().Log.Column(metric);

    [Fact]
    public void Claim1_Relu_ConvergesFasterAndHigherThanEverySmoothActivation()
    {
        double reluBest = Curve("relu", "train_acc").Max();
        Claim.Holds(reluBest >= 0.90, "1: ReLU reaches train accuracy >= 0.90 within the 2000-epoch budget",
            $"relu best train_acc {Claim.F(reluBest)} (threshold 0.90)");
        foreach (var smooth in ActivationRegistry.SmoothStudyNames)
        {
            double best = Curve(smooth, "train_acc").Max();
            Claim.Holds(best < 0.80, $"1: {smooth} never reaches train accuracy 0.80 in the budget",
                $"{smooth} best train_acc {Claim.F(best)} (threshold 0.80)");
        }
    }

    [Fact]
    public void Claim2_TanhAndArctan_AreNearlyIdenticalAndArctanLags()
    {
        var tanh = Curve("tanh", "train_acc");
        var arctan = Curve("arctan", "train_acc");
        int worst = 0;
        for (int e = 1; e < tanh.Length; e++)
            if (Math.Abs(tanh[e] - arctan[e]) > Math.Abs(tanh[worst] - arctan[worst])) worst = e;
        double gap = Math.Abs(tanh[worst] - arctan[worst]);
        Claim.Holds(gap <= 0.01 + 1e-12, "2: tanh and arctan accuracy curves differ by at most 1 % of the points at every epoch",
            $"largest gap {Claim.F(gap)} at epoch {worst} (tanh {Claim.F(tanh[worst])}, arctan {Claim.F(arctan[worst])})");

        double tanhLoss = Curve("tanh", "train_loss")[^1], arctanLoss = Curve("arctan", "train_loss")[^1];
        Claim.Holds(arctanLoss >= tanhLoss, "2: arctan lags tanh: its final loss is not below tanh's",
            $"final train_loss tanh {tanhLoss:R}, arctan {arctanLoss:R}");
    }

    [Fact]
    public void Artifacts_SeedStudy_HoldBothAccuracyFiguresAndTheReport()
    {
        var plots = results.Outcome.Store.PlotsDirectory;
        Assert.True(File.Exists(Path.Combine(plots, "accuracy_comparison.png")), $"no accuracy_comparison.png in {plots}");
        Assert.True(File.Exists(Path.Combine(plots, "accuracy_zoomed.png")), $"no accuracy_zoomed.png in {plots}");
        Assert.True(File.Exists(results.Outcome.Store.ReportPath));
    }
}
