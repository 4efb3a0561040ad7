using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>ReLU: φ(z) = max(z, 0); φ′(0) = 0, as in the study.</summary>
public readonly struct Relu : IActivationFunction<Relu>
{
    public static string Name => "relu";
    public static double Value(double z) => z > 0 ? z : 0.0;
    public static double Derivative(double z) => z > 0 ? 1.0 : 0.0;
    public static double LowerBound => 0.0;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => true;
    public static bool IsOdd => false;
    public static double[] Kinks => [0.0];
    public static bool IsInLimit(double z) => z <= 0;
    public static string LimitRule => "z <= 0 (dead side)";
}
