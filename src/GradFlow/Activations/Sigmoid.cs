using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>Logistic sigmoid as a hidden activation: σ(z) = 1 / (1 + e^−z).</summary>
public readonly struct Sigmoid : IActivationFunction<Sigmoid>
{
    public static string Name => "sigmoid";
    public static double Value(double z) => SpecialFunctions.Sigmoid(z);
    public static double Derivative(double z) => SpecialFunctions.SigmoidDerivative(z);
    // σ″ = σ′·(1 − 2σ) = σ′·(σ(−z) − σ(z)): both sigmoids are tail-accurate, and near 0 the difference is exact (Sterbenz).
    public static double SecondDerivative(double z) => SpecialFunctions.SigmoidDerivative(z) * (SpecialFunctions.Sigmoid(-z) - SpecialFunctions.Sigmoid(z));
    public static double LowerBound => 0.0;
    public static double UpperBound => 1.0;
    public static bool IsMonotone => true;
    public static bool IsOdd => false;
    public static double[] Kinks => [];
    // Within 5 % of either bound, like tanh's |tanh z| > 0.95; on σ itself, since |σ − ½| > 0.45 rounds
    // differently at two doubles next to −ln 19 (σ just below 0.05, yet |σ − ½| exactly 0.45).
    // Stryker disable once Equality : no double has σ = 0.05 or 0.95 exactly (docs/mutation-survivors.md)
    public static bool IsInLimit(double z) => SpecialFunctions.Sigmoid(z) is < 0.05 or > 0.95;
    public static string LimitRule => "sigmoid z < 0.05 or > 0.95";
}
