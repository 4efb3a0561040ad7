namespace GradFlow.Experiments;

/// <summary>
/// Whether a folder's spec is a preset's configuration: every field that shapes a run equal (architecture,
/// data, split, learning rate, epochs, diagnostics' thresholds, logging), whatever its name, seeds,
/// activations, inits and scales (the claims check the settings they compare themselves).
/// </summary>
public static class StudyConfiguration
{
    /// <summary>The test of a folder's spec against <paramref name="home"/>; <paramref name="anyEpochs"/> for claims on the initial network only.</summary>
    public static Func<AblationSpec, bool> Of(AblationSpec home, bool anyEpochs = false) => spec =>
        spec.Arch.SequenceEqual(home.Arch)
        && spec.N == home.N
        && spec.Noise == home.Noise
        && spec.TestSize == home.TestSize
        && spec.RelabelAfterNoise == home.RelabelAfterNoise
        && spec.LearningRate == home.LearningRate
        && spec.DerivEps == home.DerivEps
        && spec.ZLinearEps == home.ZLinearEps
        && (anyEpochs || (spec.Epochs == home.Epochs && spec.LogEvery == home.LogEvery));
}
