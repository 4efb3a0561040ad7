using GradFlow.Activations;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

/// <summary>Networks with hand-set parameters, for cases small enough to work out on paper.</summary>
internal static class HandBuilt
{
    public static Layer Layer(int fanIn, int fanOut, double[] weights, double[] bias)
    {
        var layer = new Layer(fanIn, fanOut);
        weights.CopyTo(layer.Weights, 0);
        bias.CopyTo(layer.Bias, 0);
        return layer;
    }

    public static Mlp Network(Activation activation, params Layer[] layers) => new(activation, layers);
}
