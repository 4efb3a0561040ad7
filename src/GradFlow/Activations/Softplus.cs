using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>softplus: φ(z) = log(1 + e^z), φ′(z) = σ(z).</summary>
public readonly struct Softplus : IActivationFunction<Softplus>
{
    public static string Name => "softplus";
    public static double Value(double z) => SpecialFunctions.Softplus(z);
    public static double Derivative(double z) => SpecialFunctions.Sigmoid(z);
    // φ″ = σ′(z).
    public static double SecondDerivative(double z) => SpecialFunctions.SigmoidDerivative(z);
    public static double LowerBound => 0.0;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => true;
    public static bool IsOdd => false;
    public static double[] Kinks => [];
    // Dead side: slope σ(z) within 5 % of zero.
    // Stryker disable once Equality : no double has σ = 0.05 exactly (docs/mutation-survivors.md)
    public static bool IsInLimit(double z) => SpecialFunctions.Sigmoid(z) < 0.05;
    public static string LimitRule => "sigmoid z < 0.05 (slope within 5 % of zero)";
}
