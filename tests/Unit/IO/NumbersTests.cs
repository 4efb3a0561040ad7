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

    [Fact]
    public void Format_Integers_InvariantDigitsUnderACultureWithItsOwnMinusSign()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE"); // minus is U+2212 there
            Assert.Equal("-9223372036854775808", Numbers.Format(long.MinValue));
            Assert.Equal("18446744073709551615", Numbers.Format(ulong.MaxValue));
            Assert.Equal("-340282366920938463463374607431768211456", Numbers.Format(-System.Numerics.BigInteger.Pow(2, 128)));
            Assert.Equal("-2.5", Numbers.Format(-2.5));
            Assert.Equal("-7", Numbers.Format(-7));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-1e21, "-1E+21")]
    [InlineData(5e-324, "5E-324")]
    [InlineData(double.NaN, "NaN")]
    public void TryFormat_RoomEnough_WritesFormatsText(double value, string text)
    {
        var buffer = new char[32];

        Assert.True(Numbers.TryFormat(value, buffer, out int written));
        Assert.Equal(text, new string(buffer, 0, written));
        Assert.Equal(Numbers.Format(value), text);
    }

    [Fact]
    public void TryFormat_TooSmall_False()
    {
        Assert.False(Numbers.TryFormat(0.125, new char[4], out _));
        Assert.False(Numbers.TryFormat(-12345, new char[5], out _));
        Assert.True(Numbers.TryFormat(-12345, new char[6], out int written));
        Assert.Equal(6, written);
    }

    // Each text as a float (NumberStyles.Float: white space, exponent, ±Infinity) and as a plain integer (digits and a sign only).
    [Theory]
    [InlineData("1e3", true, 1000.0, false, 0)]
    [InlineData("-0.5", true, -0.5, false, 0)]
    [InlineData(" 2 ", true, 2.0, false, 0)]
    [InlineData("-Infinity", true, double.NegativeInfinity, false, 0)]
    [InlineData("12", true, 12.0, true, 12)]
    [InlineData("-3", true, -3.0, true, -3)]
    [InlineData("1.0", true, 1.0, false, 0)]
    [InlineData(" 1", true, 1.0, false, 0)]
    [InlineData("2147483648", true, 2147483648.0, false, 0)]
    [InlineData("1,5", false, 0.0, false, 0)]
    [InlineData("0x10", false, 0.0, false, 0)]
    [InlineData("", false, 0.0, false, 0)]
    [InlineData("1.2.3", false, 0.0, false, 0)]
    public void TryParse_Text_SameReadingFromStringAndUtf8(string text, bool isFloat, double floatValue, bool isInteger, int integerValue)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);

        Assert.Equal(isFloat, Numbers.TryParse(text, out double fromString));
        Assert.Equal(isFloat, Numbers.TryParse(utf8, out double fromUtf8));
        Assert.Equal(isInteger, Numbers.TryParse(text, out int integerFromString));
        Assert.Equal(isInteger, Numbers.TryParse(utf8, out int integerFromUtf8));
        if (isFloat) Assert.Equal([floatValue, floatValue], [fromString, fromUtf8]);
        if (isInteger) Assert.Equal([integerValue, integerValue], [integerFromString, integerFromUtf8]);
    }

    [Fact]
    public void TryParse_NullString_False()
    {
        Assert.False(Numbers.TryParse((string?)null, out double _));
        Assert.False(Numbers.TryParse((string?)null, out int _));
    }
}
