using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>arctan: φ′(z) = 1 / (1 + z²) (0 once z² overflows); φ from <see cref="VectorMath.Atan(double)"/>.</summary>
public readonly struct Arctan : IVectorActivationFunction<Arctan>
{
    public static string Name => "arctan";
    public static double Value(double z) => VectorMath.Atan(z);
    public static double Derivative(double z) => 1.0 / (1.0 + z * z);
    // φ″(z) = −2z/(1 + z²)², as −2·(z·d)·d with d = φ′ so that no factor overflows (z·d ≤ 1/2 in magnitude).
    public static double SecondDerivative(double z)
    {
        double d = 1.0 / (1.0 + z * z);
        return -2.0 * (z * d) * d;
    }
    public static (double Value, double Derivative) Evaluate(double z) => (Value(z), Derivative(z));
    public static Vector256<double> Evaluate(Vector256<double> z, out Vector256<double> derivative)
    {
        derivative = Vector256<double>.One / (Vector256<double>.One + z * z);
        return VectorMath.Atan(z);
    }
    public static double LowerBound => -Math.PI / 2;
    public static double UpperBound => Math.PI / 2;
    public static bool IsMonotone => true;
    public static bool IsOdd => true;
    public static double[] Kinks => [];
    public static bool IsInLimit(double z) => IsInLimitAt(z, Value(z));
    public static bool IsInLimitAt(double z, double phi) => Math.Abs(phi) > 0.95 * Math.PI / 2;
    public static Vector256<double> IsInLimitAt(Vector256<double> z, Vector256<double> phi) => Vector256.GreaterThan(Vector256.Abs(phi), Vector256.Create(0.95 * Math.PI / 2));
    public static string LimitRule => "|atan z| > 0.95·π/2";
}
