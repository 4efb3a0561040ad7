using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Verification;

/// <summary>The analytical side: ∂L/∂θ for every parameter from one forward and one backward pass.</summary>
public static class AnalyticalGradient
{
    /// <summary>Per layer, the weight gradient (row-major like the weights) and the bias gradient.</summary>
    public static (double[] Weights, double[] Bias)[] Compute(Mlp model, Dataset data)
    {
        var pass = new BatchPass(model.Architecture, data.Count);
        pass.Forward(model, data.X);
        pass.Backward(model, data.Y);
        var result = new (double[], double[])[pass.LayerCount];
        for (int l = 0; l < pass.LayerCount; l++) result[l] = (pass.GradW(l).ToArray(), pass.GradB(l).ToArray());
        return result;
    }
}
