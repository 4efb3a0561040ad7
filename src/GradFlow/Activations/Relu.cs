using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>ReLU: φ(z) = max(z, 0); φ′(0) = 0, as in the study.</summary>
public readonly struct Relu : IVectorActivationFunction<Relu>
{
    public static string Name => "relu";
    public static double Value(double z) => z > 0 ? z : 0.0;
    public static double Derivative(double z) => z > 0 ? 1.0 : 0.0;
    // φ″ = 0 on both sides of the kink; at z = 0 itself (where φ′ jumps from 0 to 1) 0 is returned too:
    // the jump's Dirac mass has no pointwise value, so the Hessian is that of the piecewise-linear pieces.
    public static double SecondDerivative(double z) => 0.0;
    public static (double Value, double Derivative) Evaluate(double z) => (Value(z), Derivative(z));
    // The same compare as the scalar: −0 and NaN are not > 0, so both give +0 with slope 0.
    public static Vector256<double> Evaluate(Vector256<double> z, out Vector256<double> derivative)
    {
        var positive = Vector256.GreaterThan(z, Vector256<double>.Zero);
        derivative = Vector256.ConditionalSelect(positive, Vector256<double>.One, Vector256<double>.Zero);
        return Vector256.ConditionalSelect(positive, z, Vector256<double>.Zero);
    }
    // Stryker disable once Boolean : false sends the driver to the four-lane loop, which gives the same bits (docs/mutation-survivors.md)
    public static bool HasEightLaneKernel => true;
    public static Vector512<double> Evaluate(Vector512<double> z, out Vector512<double> derivative)
    {
        var positive = Vector512.GreaterThan(z, Vector512<double>.Zero);
        derivative = Vector512.ConditionalSelect(positive, Vector512<double>.One, Vector512<double>.Zero);
        return Vector512.ConditionalSelect(positive, z, Vector512<double>.Zero);
    }
    public static double LowerBound => 0.0;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => true;
    public static bool IsOdd => false;
    public static double[] Kinks => [0.0];
    public static bool IsInLimit(double z) => z <= 0;
    public static Vector256<double> IsInLimitAt(Vector256<double> z, Vector256<double> phi) => Vector256.LessThanOrEqual(z, Vector256<double>.Zero);
    public static Vector512<double> IsInLimitAt(Vector512<double> z, Vector512<double> phi) => Vector512.LessThanOrEqual(z, Vector512<double>.Zero);
    public static string LimitRule => "z <= 0 (dead side)";
}
