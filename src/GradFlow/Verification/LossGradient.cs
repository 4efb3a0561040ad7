using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Verification;

/// <summary>The mean binary cross-entropy of a model over some rows, and its gradient in the model's layout.</summary>
public sealed record LossGradient(double Loss, IReadOnlyList<LayerGradient> Layers)
{
    /// <summary>One forward and one backward pass over all of <paramref name="data"/>.</summary>
    public static LossGradient Compute(Mlp model, Dataset data)
    {
        if (data.Features != model.Inputs)
            throw new ArgumentException($"the model takes {model.Inputs} inputs but the data has {data.Features} features");
        var pass = new BatchPass(model.Architecture, data.Count);
        pass.Forward(model, data.X);
        double loss = pass.Loss(data.Y);
        pass.Backward(model, data.Y);
        var layers = new LayerGradient[pass.LayerCount];
        for (int l = 0; l < layers.Length; l++)
            layers[l] = new LayerGradient(model.Layers[l].FanIn, model.Layers[l].FanOut, pass.GradW(l).ToArray(), pass.GradB(l).ToArray());
        return new LossGradient(loss, layers);
    }
}
