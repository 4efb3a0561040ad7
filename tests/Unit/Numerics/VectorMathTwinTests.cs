using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>Every Vector256 and Vector512 kernel of <see cref="VectorMath"/> gives, lane by lane, the bits of its scalar twin.</summary>
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
    public void Log_VectorLanes_EqualScalarTwinBitForBit() =>
        AssertTwins("Log", x => (VectorMath.Log(x), 0.0), v => (VectorMath.Log(v), Vector256<double>.Zero));

    // The mixed inputs are half negative (NaN for both): the positive ones again, every lane a real log.
    [Fact]
    public void Log_PositiveVectorLanes_EqualScalarTwinBitForBit()
    {
        var positive = Inputs.Select(Math.Abs).ToArray();
        for (int i = 0; i + 4 <= positive.Length; i += 4)
        {
            var value = VectorMath.Log(Vector256.Create(positive.AsSpan(i, 4)));
            for (int lane = 0; lane < 4; lane++)
                AssertBits(VectorMath.Log(positive[i + lane]), value.GetElement(lane), $"Log({positive[i + lane]:R}) lane {lane}");
        }
    }

    // Tanh computes one form where all four lanes need only it: lanes all below the switch, all above,
    // and every mix, each against the scalar twin.
    [Fact]
    public void Tanh_UniformAndMixedLaneGroups_EqualScalarTwinBitForBit()
    {
        var rng = new System.Random(17);
        for (int group = 0; group < 20_000; group++)
        {
            int kinds = group % 16; // bit l set: lane l above the switch
            var x = new double[4];
            for (int lane = 0; lane < 4; lane++)
            {
                double magnitude = (kinds >> lane & 1) == 1 ? 0.625 + rng.NextDouble() * 30 : rng.NextDouble() * 0.625;
                x[lane] = rng.Next(2) == 0 ? magnitude : -magnitude;
            }
            var t = VectorMath.Tanh(Vector256.Create(x), out var d);
            for (int lane = 0; lane < 4; lane++)
            {
                AssertBits(VectorMath.Tanh(x[lane], out double dExpected), t.GetElement(lane), $"Tanh({x[lane]:R}) lane {lane} of kinds {kinds}");
                AssertBits(dExpected, d.GetElement(lane), $"Tanh′({x[lane]:R}) lane {lane} of kinds {kinds}");
            }
        }
    }

    // Atan uses an interval's constants as they are where all four lanes lie in it: groups within each
    // interval (and at its ends), and groups that straddle them, each against the scalar twin.
    [Fact]
    public void Atan_UniformAndMixedIntervalGroups_EqualScalarTwinBitForBit()
    {
        double[] edges = [0, 7.0 / 16, 11.0 / 16, 19.0 / 16, 39.0 / 16, 1e6];
        var rng = new System.Random(19);
        for (int group = 0; group < 40_000; group++)
        {
            var x = new double[4];
            int interval = rng.Next(5);
            for (int lane = 0; lane < 4; lane++)
            {
                // Three groups in four share one interval; the rest pick each lane's interval afresh.
                int at = group % 4 == 3 ? rng.Next(5) : interval;
                double lo = edges[at], hi = edges[at + 1];
                double magnitude = rng.Next(8) switch
                {
                    0 => lo,
                    1 => Math.BitDecrement(hi),
                    _ => lo + (hi - lo) * rng.NextDouble(),
                };
                x[lane] = rng.Next(2) == 0 ? magnitude : -magnitude;
            }
            var value = VectorMath.Atan(Vector256.Create(x));
            for (int lane = 0; lane < 4; lane++)
                AssertBits(VectorMath.Atan(x[lane]), value.GetElement(lane), $"Atan({x[lane]:R}) lane {lane}, group {group}");
        }
        foreach (double special in new[] { double.PositiveInfinity, double.NegativeInfinity, double.NaN, 0.0, -0.0 })
        {
            var value = VectorMath.Atan(Vector256.Create(special));
            for (int lane = 0; lane < 4; lane++) AssertBits(VectorMath.Atan(special), value.GetElement(lane), $"Atan({special:R}) lane {lane}");
        }
    }

    [Fact]
    public void LogSpan_EveryLengthAndOffset_EqualsScalarTwinBitForBit()
    {
        var positive = Inputs.Select(Math.Abs).ToArray();
        var destination = new double[48];
        foreach (bool vectorize in new[] { true, false })
        {
            for (int length = 0; length <= 40; length++)
            {
                for (int offset = 0; offset < 4; offset++)
                {
                    var x = positive.AsSpan(offset * 53 + length, length);
                    VectorMath.Log(x, destination.AsSpan(offset, length), vectorize);
                    for (int i = 0; i < length; i++)
                        AssertBits(VectorMath.Log(x[i]), destination[offset + i], $"Log({x[i]:R}), index {i} of {length}, vectorize {vectorize}");
                }
            }
        }
        Assert.Throws<ArgumentException>(() => VectorMath.Log(new double[4], new double[3]));
    }

    [Fact]
    public void Exp_EightLanes_EqualScalarTwinBitForBit() =>
        AssertEightLaneTwins("Exp", x => (VectorMath.Exp(x), 0.0), v => (VectorMath.Exp(v), Vector512<double>.Zero));

    [Fact]
    public void Tanh_EightLanes_EqualScalarTwinBitForBit() =>
        AssertEightLaneTwins("Tanh",
            x => (VectorMath.Tanh(x, out double d), d),
            v => (VectorMath.Tanh(v, out var d), d));

    // The eight-lane tanh computes one form where all eight lanes need only it: every pattern of lanes
    // below and above the switch (256 of them), each against the scalar twin.
    [Fact]
    public void Tanh_EightLaneUniformAndMixedGroups_EqualScalarTwinBitForBit()
    {
        var rng = new System.Random(23);
        for (int group = 0; group < 20_480; group++)
        {
            int kinds = group % 256; // bit l set: lane l above the switch
            var x = new double[8];
            for (int lane = 0; lane < 8; lane++)
            {
                double magnitude = (kinds >> lane & 1) == 1 ? 0.625 + rng.NextDouble() * 30 : rng.NextDouble() * 0.625;
                x[lane] = rng.Next(2) == 0 ? magnitude : -magnitude;
            }
            var t = VectorMath.Tanh(Vector512.Create(x), out var d);
            for (int lane = 0; lane < 8; lane++)
            {
                AssertBits(VectorMath.Tanh(x[lane], out double dExpected), t.GetElement(lane), $"Tanh({x[lane]:R}) lane {lane} of kinds {kinds}");
                AssertBits(dExpected, d.GetElement(lane), $"Tanh′({x[lane]:R}) lane {lane} of kinds {kinds}");
            }
        }
    }

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

    private static void AssertEightLaneTwins(string name,
        Func<double, (double, double)> scalar, Func<Vector512<double>, (Vector512<double>, Vector512<double>)> vector)
    {
        for (int i = 0; i + 8 <= Inputs.Length; i += 8)
        {
            var (value, second) = vector(Vector512.Create(Inputs.AsSpan(i, 8)));
            for (int lane = 0; lane < 8; lane++)
            {
                double x = Inputs[i + lane];
                var (expected, expectedSecond) = scalar(x);
                AssertBits(expected, value.GetElement(lane), $"{name}({x:R}) [0x{BitConverter.DoubleToInt64Bits(x):X16}] lane {lane} of 8");
                AssertBits(expectedSecond, second.GetElement(lane), $"{name}′({x:R}) [0x{BitConverter.DoubleToInt64Bits(x):X16}] lane {lane} of 8");
            }
        }
    }

    internal static void AssertBits(double expected, double actual, string what)
    {
        long e = BitConverter.DoubleToInt64Bits(expected), a = BitConverter.DoubleToInt64Bits(actual);
        if (e != a) Assert.Fail($"{what}: scalar {expected:R} (0x{e:X16}), vector {actual:R} (0x{a:X16})");
    }
}
