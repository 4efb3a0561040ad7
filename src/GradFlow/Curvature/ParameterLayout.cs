using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Curvature;

/// <summary>
/// Where each parameter sits in the flat vector θ of the curvature code: layer by layer, each layer's
/// weights row-major (fan_in, fan_out) then its bias — the order of the gradient file's values.
/// </summary>
public sealed class ParameterLayout
{
    private readonly int[] _offsets;

    public ParameterLayout(Architecture architecture)
    {
        Architecture = architecture;
        _offsets = new int[architecture.LayerCount + 1];
        for (int l = 0; l < architecture.LayerCount; l++)
            _offsets[l + 1] = _offsets[l] + (architecture.Widths[l] + 1) * architecture.Widths[l + 1];
    }

    public Architecture Architecture { get; }

    /// <summary>The number of parameters P.</summary>
    public int Count => _offsets[^1];

    /// <summary>Index of W_l[0, 0] (l 0-based); the layer's bias follows its fan_in·fan_out weights.</summary>
    public int WeightOffset(int layer) => _offsets[layer];

    /// <summary>Index of b_l[0] (l 0-based).</summary>
    public int BiasOffset(int layer) => _offsets[layer] + Architecture.Widths[layer] * Architecture.Widths[layer + 1];

    /// <summary>The parameter at <paramref name="index"/>, named as the gradient checker names it (W1[0,3], b2[1], ...).</summary>
    public ParameterId Id(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"a model of {Count} parameters");
        int l = 0;
        while (index >= _offsets[l + 1]) l++;
        int fanOut = Architecture.Widths[l + 1], local = index - _offsets[l], weights = Architecture.Widths[l] * fanOut;
        return local < weights ? ParameterId.Weight(l + 1, local / fanOut, local % fanOut) : ParameterId.Bias(l + 1, local - weights);
    }

    /// <summary>θ of <paramref name="model"/> into <paramref name="theta"/> (length <see cref="Count"/>).</summary>
    public void Read(Mlp model, Span<double> theta)
    {
        Check(model, theta.Length);
        for (int l = 0; l < model.Layers.Count; l++)
        {
            model.Layers[l].Weights.CopyTo(theta[WeightOffset(l)..]);
            model.Layers[l].Bias.CopyTo(theta[BiasOffset(l)..]);
        }
    }

    /// <summary>Sets the parameters of <paramref name="model"/> to <paramref name="theta"/>.</summary>
    public void Write(ReadOnlySpan<double> theta, Mlp model)
    {
        Check(model, theta.Length);
        for (int l = 0; l < model.Layers.Count; l++)
        {
            var layer = model.Layers[l];
            theta.Slice(WeightOffset(l), layer.Weights.Length).CopyTo(layer.Weights);
            theta.Slice(BiasOffset(l), layer.Bias.Length).CopyTo(layer.Bias);
        }
    }

    private void Check(Mlp model, int length)
    {
        if (!model.Architecture.Equals(Architecture))
            throw new ArgumentException($"model architecture [{model.Architecture}] does not match the layout's [{Architecture}]");
        if (length != Count) throw new ArgumentException($"a parameter vector of {length} values for a model of {Count} parameters");
    }
}
