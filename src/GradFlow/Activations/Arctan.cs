using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>arctan: φ′(z) = 1 / (1 + z²).</summary>
public readonly struct Arctan : IActivationFunction<Arctan>
{
    public static string Name => "arctan";
    public static double Value(double z) => Math.Atan(z);
    public static double Derivative(double z) => 1.0 / (1.0 + z * z);
    public static double LowerBound => -Math.PI / 2;
    public static double UpperBound => Math.PI / 2;
    public static bool IsMonotone => true;
    public static bool IsOdd => true;
    public static double[] Kinks => [];
    public static bool IsInLimit(double z) => Math.Abs(Math.Atan(z)) > 0.95 * Math.PI / 2;
    public static string LimitRule => "|atan z| > 0.95·π/2";
}
