using GradFlow.IO;

namespace GradFlow.Tests.Unit.IO;

public sealed class NumbersTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0 / 3)]
    [InlineData(double.Epsilon)]
    [InlineData(-0.0)]
    [InlineData(1e308)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Format_ThenTryParse_SameBits(double value)
    {
        Assert.True(Numbers.TryParse(Numbers.Format(value), out double back));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back));
    }

    [Fact]
    public void Format_AnyCurrentCulture_InvariantText()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("0.25", Numbers.Format(0.25));
            Assert.Equal("-1234567", Numbers.Format(-1234567));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
