using GradFlow.Numerics;

namespace GradFlow.Activations;

/// <summary>tanh: φ′(z) = sech²(z) = 1 − tanh²(z); in the tails as 1/cosh² so that it keeps relative accuracy.</summary>
public readonly struct Tanh : IActivationFunction<Tanh>
{
    public static string Name => "tanh";
    public static double Value(double z) => Math.Tanh(z);
    // The same bits as Evaluate's derivative: the span driver and the scalar φ′ never disagree.
    public static double Derivative(double z) => Math.Abs(z) < 4.0 ? SechSquaredNearZero(Math.Tanh(z)) : SechSquaredTail(z);
    // 1 − tanh² is exact enough (and cheap) while tanh is well away from ±1.
    public static (double Value, double Derivative) Evaluate(double z)
    {
        double t = Math.Tanh(z);
        return (t, Math.Abs(z) < 4.0 ? SechSquaredNearZero(t) : SechSquaredTail(z));
    }
    private static double SechSquaredNearZero(double t) => 1.0 - t * t;
    private static double SechSquaredTail(double z)
    {
        double c = Math.Cosh(z);
        return 1.0 / (c * c);
    }
    public static double LowerBound => -1.0;
    public static double UpperBound => 1.0;
    public static bool IsMonotone => true;
    public static bool IsOdd => true;
    public static double[] Kinks => [];
    public static bool IsInLimit(double z) => Math.Abs(Math.Tanh(z)) > 0.95;
    public static string LimitRule => "|tanh z| > 0.95";
}
