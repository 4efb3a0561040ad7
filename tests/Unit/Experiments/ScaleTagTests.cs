using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>The file tag of a scale: "s", the shortest round-trip text, '.' as 'p', an exponent as e (positive) or em (negative).</summary>
public sealed class ScaleTagTests
{
    [Theory]
    [InlineData(0.5, "s0p5")]
    [InlineData(1.0, "s1")]
    [InlineData(2.0, "s2")]
    [InlineData(0.001, "s0p001")]
    [InlineData(12.75, "s12p75")]
    public void Of_PlainDecimal_ReplacesThePointWithP(double scale, string tag) => Assert.Equal(tag, ScaleTag.Of(scale));

    [Theory]
    [InlineData(1e-5, "s1em05")]
    [InlineData(2.5e-7, "s2p5em07")]
    public void Of_NegativeExponent_WritesEm(double scale, string tag) => Assert.Equal(tag, ScaleTag.Of(scale));

    [Theory]
    [InlineData(1e20, "s1e20")]
    [InlineData(1e120, "s1e120")]
    [InlineData(1.5e300, "s1p5e300")]
    public void Of_PositiveExponent_WritesE(double scale, string tag) => Assert.Equal(tag, ScaleTag.Of(scale));

    [Fact]
    public void Of_UnderACommaDecimalCulture_StillUsesThePoint()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("s0p5", ScaleTag.Of(0.5));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
