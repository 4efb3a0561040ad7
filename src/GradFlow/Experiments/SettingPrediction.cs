namespace GradFlow.Experiments;

/// <summary>
/// The data-aware mean-field prediction for one setting, per hidden layer l (index l − 1), as the mean over
/// the spec's seeds of each seed's prediction from its own training rows: ln delta_rel, ln χ and q.
/// </summary>
public sealed record SettingPrediction(SettingKey Setting, double[] LnDeltaRel, double[] LnChi, double[] Q)
{
    /// <summary>The geometric mean over seeds of the predicted ‖δ^l‖/‖δ^last hidden‖.</summary>
    public double DeltaRel(int layer) => Math.Exp(LnDeltaRel[layer - 1]);

    /// <summary>The geometric mean over seeds of the predicted ‖δ^l‖²/‖δ^{l+1}‖².</summary>
    public double Chi(int layer) => Math.Exp(LnChi[layer - 1]);
}
