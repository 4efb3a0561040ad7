using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>Zeros, infinities, NaNs, tiny and huge arguments, and the symmetries of tanh and atan.</summary>
public sealed class VectorMathSpecialValueTests
{
    private static void Same(double expected, double actual) => VectorMathTwinTests.AssertBits(expected, actual, "special value");

    [Fact]
    public void Tanh_SignedZero_KeepsTheSignWithSlopeOne()
    {
        Same(0.0, VectorMath.Tanh(0.0, out double d0));
        Same(-0.0, VectorMath.Tanh(-0.0, out double d1));
        Assert.Equal(1.0, d0);
        Assert.Equal(1.0, d1);
    }

    [Fact]
    public void Tanh_Infinities_AreUnitWithZeroSlope()
    {
        Same(1.0, VectorMath.Tanh(double.PositiveInfinity, out double d0));
        Same(-1.0, VectorMath.Tanh(double.NegativeInfinity, out double d1));
        Same(0.0, d0);
        Same(0.0, d1);
    }

    [Fact]
    public void Tanh_HugeArguments_AreUnitWithZeroSlope()
    {
        foreach (double x in new[] { 20.0, 1e3, 1e308, double.MaxValue })
        {
            Same(1.0, VectorMath.Tanh(x, out double d));
            Same(-1.0, VectorMath.Tanh(-x, out _));
            Assert.Equal(Math.Tanh(x), VectorMath.Tanh(x, out _));
            Assert.True(d >= 0 && d < 1e-16, $"sech²({x}) = {d}");
        }
    }

    [Fact]
    public void Tanh_BelowOneEMinusEight_IsTheIdentity()
    {
        foreach (double x in Inputs.LogUniform(10_000, double.Epsilon, 1e-8, seed: 11))
            Same(x, VectorMath.Tanh(x, out _));
    }

    [Fact]
    public void TanhAndAtan_AreOdd_BitForBit()
    {
        foreach (double x in Inputs.LogUniform(10_000, 1e-300, 1e300, seed: 12))
        {
            Same(-VectorMath.Tanh(x, out double d), VectorMath.Tanh(-x, out double dNeg));
            Same(d, dNeg);
            Same(-VectorMath.Atan(x), VectorMath.Atan(-x));
        }
    }

    [Fact]
    public void NaN_PassesThroughEveryFunction_WithItsPayload()
    {
        foreach (double nan in Inputs.Specials.Where(double.IsNaN))
        {
            Same(nan, VectorMath.Tanh(nan, out double d));
            Same(nan, d);
            Same(nan, VectorMath.Atan(nan));
            Same(nan, VectorMath.Exp(nan));
            Same(nan, VectorMath.Log(nan));
        }
    }

    [Fact]
    public void Log_ZerosOneAndInfinity_AreExact()
    {
        Same(double.NegativeInfinity, VectorMath.Log(0.0));
        Same(double.NegativeInfinity, VectorMath.Log(-0.0));
        Same(0.0, VectorMath.Log(1.0));
        Same(double.PositiveInfinity, VectorMath.Log(double.PositiveInfinity));
    }

    [Fact]
    public void Log_NegativeArguments_AreNaN()
    {
        foreach (double x in new[] { -double.Epsilon, -1e-300, -0.5, -1.0, -1e300, double.MinValue, double.NegativeInfinity })
            Assert.True(double.IsNaN(VectorMath.Log(x)), $"log({x:R}) = {VectorMath.Log(x):R}");
    }

    [Fact]
    public void Log_RangeEnds_EqualMathLog()
    {
        // ln 2^−1074 = −744.44…, ln(smallest normal) = −708.39…, ln(largest double) = 709.78…
        foreach (double x in new[] { double.Epsilon, 2.2250738585072014e-308, 2.225073858507201e-308, double.MaxValue, 2.0, 0.5 })
            Same(Math.Log(x), VectorMath.Log(x));
    }

    [Fact]
    public void Log_PowersOfTwo_AreKTimesLnTwoRounded()
    {
        for (int k = -1074; k <= 1023; k++)
        {
            double x = Math.ScaleB(1.0, k);
            VectorMathAccuracyTests.AssertUlps("log", x, Math.Log(x), VectorMath.Log(x), 0);
        }
    }

    [Fact]
    public void Log_IsMonotoneAcrossTheSquareRootOfTwoSplit()
    {
        foreach (double scale in new[] { 1.0, 0.5, 2.0, 1e-300, 1e300 })
        {
            double x = Math.Sqrt(2) * scale;
            for (int k = 0; k < 2000; k++) x = Math.BitDecrement(x);
            double previous = VectorMath.Log(x);
            for (int k = 0; k < 4000; k++)
            {
                x = Math.BitIncrement(x);
                double log = VectorMath.Log(x);
                Assert.True(log >= previous, $"log decreases at {x:R}");
                previous = log;
            }
        }
    }

    [Fact]
    public void Atan_ZerosAndInfinities_AreExact()
    {
        Same(0.0, VectorMath.Atan(0.0));
        Same(-0.0, VectorMath.Atan(-0.0));
        Same(Math.PI / 2, VectorMath.Atan(double.PositiveInfinity));
        Same(-Math.PI / 2, VectorMath.Atan(double.NegativeInfinity));
        Same(Math.PI / 2, VectorMath.Atan(double.MaxValue));
        Same(Math.PI / 4, VectorMath.Atan(1.0));
    }

    [Fact]
    public void Atan_BelowOneEMinusEight_IsTheIdentity()
    {
        foreach (double x in Inputs.LogUniform(10_000, double.Epsilon, 1e-8, seed: 13))
            Same(x, VectorMath.Atan(x));
    }

    [Fact]
    public void Exp_Limits_AreExact()
    {
        Same(1.0, VectorMath.Exp(0.0));
        Same(1.0, VectorMath.Exp(-0.0));
        Same(0.0, VectorMath.Exp(double.NegativeInfinity));
        Same(double.PositiveInfinity, VectorMath.Exp(double.PositiveInfinity));
        Same(double.PositiveInfinity, VectorMath.Exp(710.0));
        Same(0.0, VectorMath.Exp(-746.0));
        Same(0.0, VectorMath.Exp(-1e308));
        Same(double.PositiveInfinity, VectorMath.Exp(1e308));
    }

    [Fact]
    public void Exp_SubnormalResults_WithinOneUlpOfMathExp()
    {
        foreach (double x in Inputs.LogUniform(10_000, 708, 745, seed: 14))
        {
            double nx = -Math.Abs(x);
            VectorMathAccuracyTests.AssertUlps("exp", nx, Math.Exp(nx), VectorMath.Exp(nx), 1);
        }
    }

    [Fact]
    public void TanhAndAtan_AroundEverySwitchPoint_AreMonotone()
    {
        foreach (double c in new[] { 0.625, 7.0 / 16, 11.0 / 16, 19.0 / 16, 39.0 / 16 })
        {
            double x = c;
            for (int k = 0; k < 2000; k++) x = Math.BitDecrement(x);
            double previousT = VectorMath.Tanh(x, out _), previousA = VectorMath.Atan(x);
            for (int k = 0; k < 4000; k++)
            {
                x = Math.BitIncrement(x);
                double t = VectorMath.Tanh(x, out _), a = VectorMath.Atan(x);
                Assert.True(t >= previousT, $"tanh decreases at {x:R}");
                Assert.True(a >= previousA, $"atan decreases at {x:R}");
                previousT = t;
                previousA = a;
            }
        }
    }
}
