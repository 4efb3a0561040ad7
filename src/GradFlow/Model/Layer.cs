namespace GradFlow.Model;

/// <summary>
/// One dense layer, z = a·W + b, with W stored row-major as (fan_in, fan_out): W[i, j] = Weights[i·FanOut + j].
/// </summary>
public sealed class Layer
{
    public Layer(int fanIn, int fanOut)
    {
        if (fanIn <= 0 || fanOut <= 0) throw new ArgumentException($"layer shape must be positive, got ({fanIn}, {fanOut})");
        FanIn = fanIn;
        FanOut = fanOut;
        Weights = new double[fanIn * fanOut];
        Bias = new double[fanOut];
    }

    public int FanIn { get; }
    public int FanOut { get; }
    public double[] Weights { get; }
    public double[] Bias { get; }

    public ref double W(int i, int j) => ref Weights[i * FanOut + j];

    public Layer Clone()
    {
        var copy = new Layer(FanIn, FanOut);
        Weights.CopyTo(copy.Weights, 0);
        Bias.CopyTo(copy.Bias, 0);
        return copy;
    }
}
