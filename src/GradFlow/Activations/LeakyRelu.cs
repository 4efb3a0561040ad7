using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>Leaky ReLU with α = 0.01: φ(z) = z for z &gt; 0, αz otherwise; φ′(0) = α, like ReLU's dead side.</summary>
public readonly struct LeakyRelu : IActivationFunction<LeakyRelu>
{
    public const double Alpha = 0.01;
    public static string Name => "leaky_relu";
    // Stryker disable once Equality : at z = ±0 both branches give z (α·(±0) = ±0) (docs/mutation-survivors.md)
    public static double Value(double z) => z > 0 ? z : Alpha * z;
    public static double Derivative(double z) => z > 0 ? 1.0 : Alpha;
    // φ″ = 0 on both pieces; at the kink z = 0 (φ′ jumps from α to 1) 0 as well, like ReLU.
    public static double SecondDerivative(double z) => 0.0;
    public static double LowerBound => double.NegativeInfinity;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => true;
    public static bool IsOdd => false;
    public static double[] Kinks => [0.0];
    public static bool IsInLimit(double z) => z <= 0;
    public static string LimitRule => "z <= 0 (leaky side, slope 0.01)";
}
