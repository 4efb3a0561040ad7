using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>ELU with α = 1: φ(z) = z for z &gt; 0, α(e^z − 1) otherwise.</summary>
public readonly struct Elu : IActivationFunction<Elu>
{
    public const double Alpha = 1.0;
    public static string Name => "elu";
    // Stryker disable once Equality : at z = ±0 both branches give z (α·expm1(±0) = ±0) (docs/mutation-survivors.md)
    public static double Value(double z) => z > 0 ? z : Alpha * SpecialFunctions.ExpM1(z);
    // Stryker disable once Equality : at z = ±0 both branches give 1 (α·e⁰) (docs/mutation-survivors.md)
    public static double Derivative(double z) => z > 0 ? 1.0 : Alpha * Math.Exp(z);
    // φ″ = 0 for z > 0, αe^z otherwise; at the kink z = 0 (φ″ jumps from α to 0) α, the left side that Derivative also takes there.
    public static double SecondDerivative(double z) => z > 0 ? 0.0 : Alpha * Math.Exp(z);
    public static double LowerBound => -Alpha;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => true;
    public static bool IsOdd => false;
    // With α = 1, φ′ is continuous at 0 but φ″ jumps: central differences across 0 lose their order.
    public static double[] Kinks => [0.0];
    // Within 5 % of the lower bound −α: φ′(z) = e^z < 0.05.
    // Stryker disable once Equality : e^0 = 1 fails the second test at z = ±0, and no double has e^z = 0.05 exactly (docs/mutation-survivors.md)
    public static bool IsInLimit(double z) => z <= 0 && Math.Exp(z) < 0.05;
    public static string LimitRule => "elu z < -0.95 (within 5 % of its bound -1)";
}
