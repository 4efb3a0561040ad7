using FsCheck;
using FsCheck.Fluent;

namespace GradFlow.Tests.Properties.Generators;

/// <summary>
/// Double generators that reach where FsCheck's default ones (which stay within about ±100) never go.
/// </summary>
public static class Doubles
{
    /// <summary>The values every whole-line law must survive.</summary>
    public static readonly double[] Edges =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue,
        2.2250738585072014e-308, -2.2250738585072014e-308, 1.0, -1.0,
    ];

    /// <summary>Uniform in [low, high), with 62 bits of resolution from two 31-bit draws.</summary>
    public static Gen<double> Uniform(double low, double high) =>
        from hi in Gen.Choose(0, int.MaxValue - 1)
        from lo in Gen.Choose(0, int.MaxValue - 1)
        select low + (high - low) * ((hi + lo / (double)int.MaxValue) / int.MaxValue);

    public static Gen<double> Sign => Gen.Elements(1.0, -1.0);

    /// <summary>sign × 10^u with u uniform in [minExponent, maxExponent]: every scale equally often.</summary>
    public static Gen<double> LogUniform(double minExponent, double maxExponent) =>
        from s in Sign
        from u in Uniform(minExponent, maxExponent)
        select s * Math.Pow(10, u);

    /// <summary>
    /// Any finite double: sign × 10^u, u uniform in [−323, 308.25] (subnormals up to 1.78e308, never
    /// overflowing), one draw in ten from <see cref="Edges"/>.
    /// </summary>
    public static Gen<double> AnyFinite { get; } =
        Gen.Frequency((9, LogUniform(-323, 308.25)), (1, Gen.Elements(Edges)));

    /// <summary>The range the activations' interesting parts live in: uniform on [−30, 30], or 10^[−6, 3] with a sign.</summary>
    public static Gen<double> Moderate { get; } =
        Gen.OneOf(Uniform(-30, 30), LogUniform(-6, 3));

    /// <summary>Arguments for the saturation predicates: moderate, whole-line, and hugging each threshold.</summary>
    public static Gen<double> Near(IReadOnlyList<double> points) =>
        from p in Gen.Elements(points.ToArray())
        from d in LogUniform(-8, 0)
        select p + d * Math.Max(1.0, Math.Abs(p));
}
