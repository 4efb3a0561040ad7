using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>The infinite arguments and NaN of each special function: IEEE's limits, never a NaN from ∞·0 or ∞/∞.</summary>
public sealed class SpecialFunctionsLimitTests
{
    [Fact]
    public void Log1P_PlusInfinity_IsPlusInfinity() =>
        Assert.Equal(double.PositiveInfinity, SpecialFunctions.Log1P(double.PositiveInfinity));

    [Fact]
    public void ExpM1_Infinities_AreMinusOneAndPlusInfinity()
    {
        Assert.Equal(-1.0, SpecialFunctions.ExpM1(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, SpecialFunctions.ExpM1(double.PositiveInfinity));
    }

    [Fact]
    public void ExpM1_FarBelowWhereExpUnderflows_IsMinusOne()
    {
        // e^−800 is 0 in double: 0 − 1 is −1, not the ∞·0 of Kahan's correction with ln 0.
        Assert.Equal(-1.0, SpecialFunctions.ExpM1(-800));
        Assert.Equal(-1.0, SpecialFunctions.ExpM1(-40));
    }

    [Fact]
    public void Sigmoid_Infinities_AreZeroAndOne()
    {
        Assert.Equal(0.0, SpecialFunctions.Sigmoid(double.NegativeInfinity));
        Assert.Equal(1.0, SpecialFunctions.Sigmoid(double.PositiveInfinity));
        Assert.Equal(0.5, SpecialFunctions.Sigmoid(0.0));
        Assert.Equal(0.5, SpecialFunctions.Sigmoid(-0.0));
    }

    [Theory]
    [InlineData(double.PositiveInfinity, 0.0, 1.0)]
    [InlineData(double.NegativeInfinity, 2.0, -1.0)]
    public void ErfcAndErf_Infinities_AreTheirLimits(double x, double erfc, double erf)
    {
        Assert.Equal(erfc, SpecialFunctions.Erfc(x));
        Assert.Equal(erf, SpecialFunctions.Erf(x));
    }

    [Fact]
    public void EveryFunction_NaN_IsNaN()
    {
        foreach (var f in new Func<double, double>[] { SpecialFunctions.Log1P, SpecialFunctions.ExpM1, SpecialFunctions.Sigmoid, SpecialFunctions.SigmoidDerivative, SpecialFunctions.Softplus, SpecialFunctions.Erfc, SpecialFunctions.Erf })
            Assert.True(double.IsNaN(f(double.NaN)));
    }

    [Fact]
    public void Softplus_NaN_ReturnsTheSameNaN()
    {
        double nan = BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_1234));
        Assert.Equal(BitConverter.DoubleToInt64Bits(nan), BitConverter.DoubleToInt64Bits(SpecialFunctions.Softplus(nan)));
    }
}
