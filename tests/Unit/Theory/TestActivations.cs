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

/// <summary>φ(z) = max(z − 1, 0): a ReLU whose kink sits at 1, so every cut at a kink must be scaled, not just 0.</summary>
internal readonly struct ShiftedRelu : IActivationFunction<ShiftedRelu>
{
    public static string Name => "shifted-relu";
    public static double Value(double z) => z > 1 ? z - 1 : 0.0;
    public static double Derivative(double z) => z > 1 ? 1.0 : 0.0;
    public static double SecondDerivative(double z) => 0.0;
    public static double LowerBound => 0;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => true;
    public static bool IsOdd => false;
    public static double[] Kinks => [1.0];
    public static bool IsInLimit(double z) => z <= 1;
    public static string LimitRule => "z <= 1";
}

/// <summary>φ(z) = z + 1: σ_w² = 1 on the edge and σ_b² = q − (q + 1) = −1 for every q, so no edge point is a network.</summary>
internal readonly struct Affine : IActivationFunction<Affine>
{
    public static string Name => "affine";
    public static double Value(double z) => z + 1;
    public static double Derivative(double z) => 1.0;
    public static double SecondDerivative(double z) => 0.0;
    public static double LowerBound => double.NegativeInfinity;
    public static double UpperBound => double.PositiveInfinity;
    public static bool IsMonotone => true;
    public static bool IsOdd => false;
    public static double[] Kinks => [];
    public static bool IsInLimit(double z) => false;
    public static string LimitRule => "never";
}
