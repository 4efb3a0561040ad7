using System.Numerics;
using GradFlow.Activations;
using GradFlow.Random;

namespace GradFlow.Model;

/// <summary>
/// A fully connected network: hidden activation φ on every hidden layer, one sigmoid output unit.
/// The parameters live here; the passes over a batch live in <see cref="BatchPass"/>.
/// </summary>
public sealed class Mlp
{
    public Mlp(Activation activation, IReadOnlyList<Layer> layers)
    {
        if (layers.Count == 0) throw new ArgumentException("a network needs at least one layer");
        for (int l = 1; l < layers.Count; l++)
            if (layers[l].FanIn != layers[l - 1].FanOut)
                throw new ArgumentException($"layer shapes do not chain: layer {l} has fan_out {layers[l - 1].FanOut} but layer {l + 1} has fan_in {layers[l].FanIn}");
        if (layers[^1].FanOut != 1) throw new ArgumentException($"the output layer must have one unit, got {layers[^1].FanOut}");
        Activation = activation;
        Layers = layers.ToArray();
        Architecture = new Architecture([layers[0].FanIn, .. layers.Select(l => l.FanOut)]);
    }

    public Activation Activation { get; }
    public IReadOnlyList<Layer> Layers { get; }
    public Architecture Architecture { get; }
    public int Inputs => Layers[0].FanIn;

    /// <summary>Where φ is not differentiable: a finite difference must not straddle one.</summary>
    public IReadOnlyList<double> ActivationKinks => Activation.Kinks;

    /// <summary>
    /// The study's initialisation: a fresh <c>default_rng(seed)</c>, one normal(0, std, (fan_in, fan_out))
    /// per layer in layer order, row-major; biases 0.
    /// </summary>
    public static Mlp Init(Architecture arch, Activation activation, InitScheme init, double scale, BigInteger seed)
    {
        if (!(scale > 0) || double.IsInfinity(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "init scale must be a finite number > 0");
        var rng = Generator.DefaultRng(seed);
        var layers = new Layer[arch.LayerCount];
        for (int l = 0; l < layers.Length; l++)
        {
            var layer = new Layer(arch.Widths[l], arch.Widths[l + 1]);
            rng.Normal(0.0, init.Std(layer.FanIn, layer.FanOut, scale), layer.Weights);
            layers[l] = layer;
        }
        return new Mlp(activation, layers);
    }

    public Mlp Clone() => new(Activation, Layers.Select(l => l.Clone()).ToArray());

    public int ParameterCount => Layers.Sum(l => l.Weights.Length + l.Bias.Length);
}
