using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Experiments;

/// <summary>
/// A preset's runs for one epoch only, into artifacts/experiments/theory-&lt;preset&gt;/: the row logged at
/// epoch 0 is measured before the first step, so it is the same as in the full preset, and the theory
/// claims concern nothing else. Beside each setting's measurement, the data-aware prediction.
/// </summary>
public abstract class EpochZeroRuns
{
    protected EpochZeroRuns(AblationSpec preset)
    {
        Spec = preset with { Name = "theory-" + preset.Name, Epochs = 1 };
        string dir = Path.Combine(PresetResults.ArtifactsRoot(), "experiments", Spec.Name);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Outcome = SweepRunner.Run(Spec, dir);
        Predictions = Spec.Settings().ToDictionary(s => s, s => TheoryPredictions.ForSetting(Spec, s));
    }

    public AblationSpec Spec { get; }
    public SweepOutcome Outcome { get; }
    public IReadOnlyDictionary<SettingKey, SettingPrediction> Predictions { get; }
    public int LastHidden => Spec.Arch.Count - 2;

    /// <summary>Per seed, ln of the measured ‖δ^a‖/‖δ^b‖ at epoch 0 (b may be the output layer).</summary>
    public double[] LnRatio(SettingKey setting, int a, int b) =>
        Outcome.Runs.Where(r => r.Key.Setting == setting)
            .Select(r => Math.Log(r.Log[0, MetricCatalog.DeltaNorm.Column(a)] / r.Log[0, MetricCatalog.DeltaNorm.Column(b)]))
            .ToArray();

    public static double Mean(double[] v) => v.Average();

    /// <summary>The sample standard deviation (n − 1).</summary>
    public static double Sd(double[] v)
    {
        double m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
    }
}

public sealed class DeepEpochZero() : EpochZeroRuns(Presets.Deep);

public sealed class DeepWideEpochZero() : EpochZeroRuns(Presets.DeepWide);

public sealed class PaperEpochZero() : EpochZeroRuns(Presets.Paper);
