using GradFlow.Activations;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>φ(z) = z: every map is linear, so the network's prediction is a product of its variances.</summary>
internal readonly struct Identity : IActivationFunction<Identity>
{
    public static string Name => "identity";
    public static double Value(double z) => z;
    public static double Derivative(double z) => 1.0;
    public static double SecondDerivative(double z) => 0.0;
    public static double LowerBound => double.NegativeInfinity;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => true;
    public static bool IsOdd => true;
    public static double[] Kinks => [];
    public static bool IsInLimit(double z) => false;
    public static string LimitRule => "never";
}

/// <summary>φ(z) = erf(z): Williams's (1997) arcsine kernel gives every map in closed form.</summary>
internal readonly struct Erf : IActivationFunction<Erf>
{
    public static string Name => "erf";
    public static double Value(double z) => 1 - SpecialFunctions.Erfc(z);
    public static double Derivative(double z) => 2 / Math.Sqrt(Math.PI) * Math.Exp(-z * z);
    public static double SecondDerivative(double z) => -2 * z * Derivative(z);
    public static double LowerBound => -1;
    public static double UpperBound => 1;
    public static bool IsMonotone => true;
    public static bool IsOdd => true;
    public static double[] Kinks => [];
    public static bool IsInLimit(double z) => false;
    public static string LimitRule => "never";
}
