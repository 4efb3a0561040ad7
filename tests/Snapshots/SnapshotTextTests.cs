using System.Globalization;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Experiments;
using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Tests.Snapshots;

/// <summary>
/// The snapshot text keeps 6 significant digits: a last-bit difference prints the same, a change in the
/// 6th digit does not; the culture never matters; the curve's columns follow what the run records.
/// </summary>
[Trait("Category", "Snapshot")]
public sealed class SnapshotTextTests
{
    [Fact]
    public void Number_NegativeZero_PrintsZero() => Assert.Equal("0", SnapshotText.Number(-0.0));

    [Theory]
    [InlineData(0.6923461234567)]
    [InlineData(1.2345649e-7)]
    [InlineData(-3141.59265358979)]
    public void Number_OneUlpApart_PrintsTheSame(double value)
    {
        Assert.Equal(SnapshotText.Number(value), SnapshotText.Number(Math.BitIncrement(value)));
        Assert.Equal(SnapshotText.Number(value), SnapshotText.Number(Math.BitDecrement(value)));
    }

    [Fact]
    public void Number_SixthSignificantDigitChanged_PrintsDifferently() =>
        Assert.NotEqual(SnapshotText.Number(0.6923461), SnapshotText.Number(0.6923471));

    [Fact]
    public void Number_SixSignificantDigits_InvariantUnderACommaCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("0.692346", SnapshotText.Number(0.69234612));
            Assert.Equal("1234.57", SnapshotText.Number(1234.5678));
            Assert.Equal("-1.5E-07", SnapshotText.Number(-1.5e-7));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Weights_CommaCulture_SameTextAsInvariant()
    {
        var model = Mlp.Init(new Architecture([2, 4, 1]), ActivationRegistry.Get("tanh"), InitSchemes.Parse("xavier"), 1.0, 0);
        string invariant = SnapshotText.Weights("w", model);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, SnapshotText.Weights("w", model));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void CurveColumns_DiagnosticsNotRecorded_AreLeftOut()
    {
        var log = new RunLog(["train_loss", "train_acc", "test_loss", "test_acc", "grad_norm_L1", "grad_norm_L2", "grad_rms_L1", "grad_rms_L2"], 1);

        Assert.Equal(["train_loss", "train_acc", "test_acc", "grad_norm_L1", "grad_norm_L2"], SnapshotText.CurveColumns(log, 2));
    }

    [Fact]
    public void CurveColumns_DiagnosticsRecorded_AppearInTheIssuesOrder()
    {
        var log = new RunLog(["limit_rate", "z_near0_rate", "train_loss", "dphi_mean_abs", "z_p90_abs", "train_acc", "grad_norm_L1", "dphi_p01_abs", "z_p90_abs_L1"], 1);

        Assert.Equal(["train_loss", "train_acc", "grad_norm_L1", "dphi_p01_abs", "z_p90_abs", "z_near0_rate", "limit_rate"], SnapshotText.CurveColumns(log, 1));
    }

    public static TheoryData<string> ScaleTwoRuns => new(TrainingCurveSnapshots.Paper.Runs().Where(k => k.Scale == 2.0).Select(k => k.Stem));

    /// <summary>
    /// What "last-bit differences between machines must not change a snapshot" rests on: training does not
    /// blow a 1-ulp change of every initial weight up to the 6th digit (measured: ≤ 2e-14 relative).
    /// </summary>
    [Theory]
    [MemberData(nameof(ScaleTwoRuns))]
    public void Curve_EveryInitialWeightOneUlpOff_PrintsTheSameText(string run)
    {
        var spec = TrainingCurveSnapshots.Paper;
        var key = spec.Runs().Single(k => k.Stem == run);
        var activation = ActivationRegistry.Get(key.Activation);
        var data = Xor.Generate(spec.N, spec.Noise, key.Seed, spec.RelabelAfterNoise);
        var split = Xor.Split(data, spec.TestSize, key.Seed);
        var model = Mlp.Init(spec.Architecture, activation, InitSchemes.Parse(key.Init), key.Scale, key.Seed);
        foreach (var layer in model.Layers)
            for (int i = 0; i < layer.Weights.Length; i++) layer.Weights[i] = Math.BitIncrement(layer.Weights[i]);
        var trainer = new Trainer(model, split, new TrainingOptions(spec.LearningRate, spec.Epochs, spec.LogEvery),
            RunExecutor.MetricGroups(spec, activation, split.Train.Count));
        var perturbed = trainer.Run();

        string text = SnapshotText.Curve(spec, new RunResult(key, perturbed.Log, perturbed.DivergedAt));

        Assert.Equal(TrainingCurveSnapshots.Curve(spec, run), text);
    }
}
