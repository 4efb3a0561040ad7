using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>The special functions exactly at the points where they change method, and Softplus on a NaN of either sign.</summary>
public sealed class SpecialFunctionsBranchEdgeTests
{
    [Fact]
    public void Erfc_Zero_IsOne()
    {
        // erfc(0) = 1 − erf(0) = 1 exactly (erf(0) = 0), for +0 and −0.
        Assert.Equal(1.0, SpecialFunctions.Erfc(0.0));
        Assert.Equal(1.0, SpecialFunctions.Erfc(-0.0));
        Assert.Equal(0.0, SpecialFunctions.Erf(0.0));
    }

    [Fact]
    public void Erf_AtTheSwitchToTheContinuedFraction_IsCorrectlyRounded()
    {
        // erf(2.5) = 0.99959304798255504106043578… (mpmath, 80 digits; the Taylor series summed in 80-digit
        // decimals agrees), whose nearest double is 0.999593047982555 (0x3FEFFCAA8F4C9BEA).
        const double expected = 0.999593047982555;
        Assert.True(Ulp.Distance(expected, SpecialFunctions.Erf(2.5)) <= 1, $"erf(2.5) = {SpecialFunctions.Erf(2.5):R}");
        Assert.True(Ulp.Distance(-expected, SpecialFunctions.Erf(-2.5)) <= 1, $"erf(−2.5) = {SpecialFunctions.Erf(-2.5):R}");
    }

    [Theory]
    [InlineData(0x7FF8_0000_0000_0000L)]
    [InlineData(0x7FF8_0000_0000_1234L)]
    [InlineData(0x7FF0_0000_0000_0001L)]
    public void Softplus_PositiveNaN_ReturnsTheSameNaN(long bits)
    {
        double nan = BitConverter.Int64BitsToDouble(bits);
        double result = SpecialFunctions.Softplus(nan);
        Assert.True(double.IsNaN(result));
        Assert.Equal(bits, BitConverter.DoubleToInt64Bits(result));
    }
}
