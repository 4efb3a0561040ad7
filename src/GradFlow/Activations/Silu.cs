using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>SiLU (swish): φ(z) = z·σ(z), φ′(z) = σ(z) + z·σ(z)·σ(−z).</summary>
public readonly struct Silu : IActivationFunction<Silu>
{
    public static string Name => "silu";
    public static double Value(double z) => z * SpecialFunctions.Sigmoid(z);
    public static double Derivative(double z) => SpecialFunctions.Sigmoid(z) + z * SpecialFunctions.SigmoidDerivative(z);
    // φ″ = 2σ′ + z·σ″ = σ′·(2 + z·(σ(−z) − σ(z))), with σ″ = σ′·(1 − 2σ).
    public static double SecondDerivative(double z) =>
        SpecialFunctions.SigmoidDerivative(z) * (2.0 + z * (SpecialFunctions.Sigmoid(-z) - SpecialFunctions.Sigmoid(z)));
    // The exact minimum −0.278464542761073795 (at z ≈ −1.278464542761074, where φ′ = 0), lowered by
    // 1e-16 so that the rounding of z·σ(z) near it (one ulp below) never dips below.
    public static double LowerBound => -0.2784645427610739;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => false;
    public static bool IsOdd => false;
    public static double[] Kinks => [];
    public static bool IsInLimit(double z) => z < 0 && Math.Abs(Derivative(z)) < 0.05;
    public static string LimitRule => "z < 0 and |silu'(z)| < 0.05";
}
