namespace GradFlow.Theory;

/// <summary>The mean-field prediction for one network as GradFlow initialises it: per hidden layer, and the output's q.</summary>
public sealed record NetworkPrediction(string Activation, string Init, double Scale, IReadOnlyList<LayerPrediction> Hidden, double OutputQ)
{
    /// <summary>The prediction for hidden layer <paramref name="layer"/> (1-based).</summary>
    public LayerPrediction Layer(int layer) => Hidden[layer - 1];
}
