using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>Every Vector256 kernel of <see cref="VectorMath"/> gives, lane by lane, the bits of its scalar twin.</summary>
public sealed class VectorMathTwinTests
{
    private static readonly double[] Inputs = Numerics.Inputs.Mixed(40_000, seed: 7);

    [Fact]
    public void Exp_VectorLanes_EqualScalarTwinBitForBit() =>
        AssertTwins("Exp", x => (VectorMath.Exp(x), 0.0), v => (VectorMath.Exp(v), Vector256<double>.Zero));

    [Fact]
    public void Tanh_VectorLanes_EqualScalarTwinBitForBit() =>
        AssertTwins("Tanh",
            x => (VectorMath.Tanh(x, out double d), d),
            v => (VectorMath.Tanh(v, out var d), d));

    [Fact]
    public void Atan_VectorLanes_EqualScalarTwinBitForBit() =>
        AssertTwins("Atan", x => (VectorMath.Atan(x), 0.0), v => (VectorMath.Atan(v), Vector256<double>.Zero));

    [Fact]
    public void Inputs_CoverNaNsInfinitiesZerosAndSubnormals()
    {
        Assert.Contains(Inputs, double.IsNaN);
        Assert.Contains(Inputs, double.IsPositiveInfinity);
        Assert.Contains(Inputs, double.IsNegativeInfinity);
        Assert.Contains(Inputs, double.IsSubnormal);
        Assert.Contains(Inputs, x => x == 0 && double.IsNegative(x));
        Assert.Contains(Inputs, x => Math.Abs(x) > 1e300 && double.IsFinite(x));
    }

    // The second element is the derivative where the kernel returns one (tanh), else zero on both sides.
    private static void AssertTwins(string name,
        Func<double, (double, double)> scalar, Func<Vector256<double>, (Vector256<double>, Vector256<double>)> vector)
    {
        for (int i = 0; i + 4 <= Inputs.Length; i += 4)
        {
            var (value, second) = vector(Vector256.Create(Inputs.AsSpan(i, 4)));
            for (int lane = 0; lane < 4; lane++)
            {
                double x = Inputs[i + lane];
                var (expected, expectedSecond) = scalar(x);
                AssertBits(expected, value.GetElement(lane), $"{name}({x:R}) [0x{BitConverter.DoubleToInt64Bits(x):X16}] lane {lane}");
                AssertBits(expectedSecond, second.GetElement(lane), $"{name}′({x:R}) [0x{BitConverter.DoubleToInt64Bits(x):X16}] lane {lane}");
            }
        }
    }

    internal static void AssertBits(double expected, double actual, string what)
    {
        long e = BitConverter.DoubleToInt64Bits(expected), a = BitConverter.DoubleToInt64Bits(actual);
        if (e != a) Assert.Fail($"{what}: scalar {expected:R} (0x{e:X16}), vector {actual:R} (0x{a:X16})");
    }
}
