using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>softsign: φ(z) = z / (1 + |z|), φ′(z) = 1 / (1 + |z|)².</summary>
public readonly struct Softsign : IVectorActivationFunction<Softsign>
{
    public static string Name => "softsign";
    public static double Value(double z) => z / (1.0 + Math.Abs(z));
    public static double Derivative(double z)
    {
        double d = 1.0 + Math.Abs(z);
        return 1.0 / (d * d);
    }
    /// <summary>
    /// φ″(z) = −2·sign(z)/(1 + |z|)³. At the kink z = 0 φ″ jumps from 2 to −2 and 0 is returned, the
    /// mean of the one-sided values (φ′ is continuous there but has a corner, so neither side is preferred).
    /// </summary>
    public static double SecondDerivative(double z)
    {
        if (z == 0) return 0.0;
        double d = 1.0 / (1.0 + Math.Abs(z));
        // Stryker disable once Arithmetic : Math.Sign(z) is ±1 here, and x·(±1) = x/(±1) (docs/mutation-survivors.md)
        return -2.0 * Math.Sign(z) * (d * d * d);
    }
    public static (double Value, double Derivative) Evaluate(double z) => (Value(z), Derivative(z));
    // Vector256.Abs clears the sign bit like Math.Abs, so every lane repeats the scalar operations.
    public static Vector256<double> Evaluate(Vector256<double> z, out Vector256<double> derivative)
    {
        var d = Vector256<double>.One + Vector256.Abs(z);
        derivative = Vector256<double>.One / (d * d);
        return z / d;
    }
    // Stryker disable once Boolean : false sends the driver to the four-lane loop, which gives the same bits (docs/mutation-survivors.md)
    public static bool HasEightLaneKernel => true;
    public static Vector512<double> Evaluate(Vector512<double> z, out Vector512<double> derivative)
    {
        var d = Vector512<double>.One + Vector512.Abs(z);
        derivative = Vector512<double>.One / (d * d);
        return z / d;
    }
    public static double LowerBound => -1.0;
    public static double UpperBound => 1.0;
    public static bool IsMonotone => true;
    public static bool IsOdd => true;
    // φ′ = 1/(1 + |z|)² is continuous but φ″ jumps from 2 to −2 at 0: central differences across 0 lose their order.
    public static double[] Kinks => [0.0];
    public static bool IsInLimit(double z) => IsInLimitAt(z, Value(z));
    public static bool IsInLimitAt(double z, double phi) => Math.Abs(phi) > 0.95;
    public static Vector256<double> IsInLimitAt(Vector256<double> z, Vector256<double> phi) => Vector256.GreaterThan(Vector256.Abs(phi), Vector256.Create(0.95));
    public static Vector512<double> IsInLimitAt(Vector512<double> z, Vector512<double> phi) => Vector512.GreaterThan(Vector512.Abs(phi), Vector512.Create(0.95));
    public static string LimitRule => "|softsign z| > 0.95";
}
