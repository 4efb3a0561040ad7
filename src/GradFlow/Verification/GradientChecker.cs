using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Verification;

/// <summary>
/// The finite-difference gradient gate: the analytical gradient (backprop) against the numerical one
/// (central differences) for every weight and bias of every layer.
/// </summary>
public static class GradientChecker
{
    public static GradientCheckReport Check(Mlp model, Dataset data, GradientCheckOptions? options = null)
    {
        options ??= GradientCheckOptions.Default;
        var analytic = LossGradient.Compute(model, data).Layers;
        return Compare(model, data, analytic, options);
    }

    /// <summary>Compares a given analytical gradient (e.g. a deliberately broken one) with the numerical one.</summary>
    public static GradientCheckReport Compare(Mlp model, Dataset data, IReadOnlyList<LayerGradient> analytic, GradientCheckOptions options)
    {
        if (analytic.Count != model.Layers.Count)
            throw new ArgumentException($"analytic gradient has {analytic.Count} layers, the model {model.Layers.Count}");
        var probe = model.Clone();
        var numeric = new NumericalGradient(probe, data);
        var entries = new List<ParameterCheck>(model.ParameterCount);
        for (int l = 0; l < probe.Layers.Count; l++)
        {
            var layer = probe.Layers[l];
            for (int i = 0; i < layer.FanIn; i++)
                for (int j = 0; j < layer.FanOut; j++)
                {
                    var (value, crosses, rounding) = numeric.Derivative(ref layer.W(i, j), options.Step);
                    entries.Add(new ParameterCheck(ParameterId.Weight(l + 1, i, j), analytic[l].Weights[i * layer.FanOut + j], value, crosses, rounding));
                }
            for (int j = 0; j < layer.FanOut; j++)
            {
                var (value, crosses, rounding) = numeric.Derivative(ref layer.Bias[j], options.Step);
                entries.Add(new ParameterCheck(ParameterId.Bias(l + 1, j), analytic[l].Bias[j], value, crosses, rounding));
            }
        }
        return new GradientCheckReport(entries, options);
    }
}
