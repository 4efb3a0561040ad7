using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>
/// tanh: φ′(z) = sech²(z) = 1 − tanh²(z), from <see cref="VectorMath.Tanh(double, out double)"/>, which keeps
/// its relative accuracy in the tails (1 − |t| is formed from e^(−2|z|), never as 1 minus a t near 1).
/// </summary>
public readonly struct Tanh : IVectorActivationFunction<Tanh>
{
    public static string Name => "tanh";
    public static double Value(double z) => VectorMath.Tanh(z, out _);
    public static double Derivative(double z)
    {
        VectorMath.Tanh(z, out double sech2);
        return sech2;
    }
    /// <summary>φ″(z) = −2·tanh(z)·sech²(z), from the same tail-accurate sech² as φ′.</summary>
    public static double SecondDerivative(double z)
    {
        double t = VectorMath.Tanh(z, out double sech2);
        return -2.0 * t * sech2;
    }
    public static (double Value, double Derivative) Evaluate(double z)
    {
        double t = VectorMath.Tanh(z, out double sech2);
        return (t, sech2);
    }
    public static Vector256<double> Evaluate(Vector256<double> z, out Vector256<double> derivative) => VectorMath.Tanh(z, out derivative);
    // Stryker disable once Boolean : false sends the driver to the four-lane loop, which gives the same bits (docs/mutation-survivors.md)
    public static bool HasEightLaneKernel => true;
    public static Vector512<double> Evaluate(Vector512<double> z, out Vector512<double> derivative) => VectorMath.Tanh(z, out derivative);
    public static double LowerBound => -1.0;
    public static double UpperBound => 1.0;
    public static bool IsMonotone => true;
    public static bool IsOdd => true;
    public static double[] Kinks => [];
    public static bool IsInLimit(double z) => IsInLimitAt(z, Value(z));
    public static bool IsInLimitAt(double z, double phi) => Math.Abs(phi) > 0.95;
    public static Vector256<double> IsInLimitAt(Vector256<double> z, Vector256<double> phi) => Vector256.GreaterThan(Vector256.Abs(phi), Vector256.Create(0.95));
    public static Vector512<double> IsInLimitAt(Vector512<double> z, Vector512<double> phi) => Vector512.GreaterThan(Vector512.Abs(phi), Vector512.Create(0.95));
    public static string LimitRule => "|tanh z| > 0.95";
}
