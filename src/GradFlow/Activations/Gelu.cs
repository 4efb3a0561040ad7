using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>GELU, exact erf form: φ(z) = z·Φ(z) with Φ the standard normal CDF, Φ(z) = erfc(−z/√2)/2.</summary>
public readonly struct Gelu : IActivationFunction<Gelu>
{
    private const double InvSqrt2 = 0.7071067811865476;
    private const double InvSqrt2Pi = 0.3989422804014327;
    public static string Name => "gelu";
    public static double Value(double z) => z * Cdf(z);
    public static double Derivative(double z) => Cdf(z) + z * Pdf(z);
    // φ″ = 2·pdf(z) − z²·pdf(z) = pdf(z)·(2 − z²) (pdf′ = −z·pdf); 0 where pdf is, so that a huge z never forms 0·inf.
    // Stryker disable once Equality : at |z| = 40 the other branch is pdf(40)·(2 − 1600), a zero as well (docs/mutation-survivors.md)
    public static double SecondDerivative(double z) => Math.Abs(z) > 40 ? 0.0 : Pdf(z) * (2.0 - z * z);
    // The exact minimum −0.169971207479903662 (at z ≈ −0.751791524693564, where φ′ = 0), lowered by
    // 1e-16 so that the rounding of z·Φ(z) near it never dips below. (−0.17004 is the tanh approximation's.)
    public static double LowerBound => -0.16997120747990376;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => false;
    public static bool IsOdd => false;
    public static double[] Kinks => [];
    // Dead side of a smooth rectifier: negative z where the slope is within 5 % of zero.
    // Stryker disable once Equality : gelu′(0) = ½, and no double has |gelu′| = 0.05 exactly (docs/mutation-survivors.md)
    public static bool IsInLimit(double z) => z < 0 && Math.Abs(Derivative(z)) < 0.05;
    public static string LimitRule => "z < 0 and |gelu'(z)| < 0.05";
    private static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z * InvSqrt2);
    // For |z| > 38.6 e^(−z²/2) underflows to 0, and for |z| ≥ 1e154 z² is +∞ and e^−∞ = 0: no guard is needed.
    private static double Pdf(double z) => InvSqrt2Pi * Math.Exp(-0.5 * z * z);
}
