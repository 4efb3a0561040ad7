using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("2,,1")]
    [InlineData("2,0,1")]
    [InlineData("x")]
    [InlineData("2,-3,1")]
    [InlineData("2,3")]
    [InlineData("1")]
    [InlineData("")]
    public void Parse_BadText_ThrowsNamingTheTextAndWhatIsAccepted(string text)
    {
        var e = Assert.Throws<FormatException>(() => Architecture.Parse(text));

        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains("positive integers ending in 1", e.Message);
        Assert.Contains("2,16,16,1", e.Message);
    }

    [Theory]
    [InlineData("2,16,16,1", new[] { 2, 16, 16, 1 })]
    [InlineData(" 3 , 5,1", new[] { 3, 5, 1 })]
    [InlineData("2,1", new[] { 2, 1 })]
    public void Parse_GoodText_GivesTheWidths(string text, int[] widths)
    {
        Assert.Equal(widths, Architecture.Parse(text).Widths);
    }

    [Fact]
    public void Constructor_OutputWidthNotOne_ThrowsNamingTheRule()
    {
        var e = Assert.Throws<ArgumentException>(() => new Architecture([2, 4, 3]));

        Assert.Contains("width 1", e.Message);
        Assert.Contains("[2,4,3]", e.Message);
    }

    [Fact]
    public void Equals_SameWidths_AreEqualWithTheSameHash()
    {
        var a = Architecture.Parse("2,8,1");
        var b = new Architecture([2, 8, 1]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Architecture.Parse("2,9,1"));
    }

    [Fact]
    public void Counts_OfTheStudyNetwork_AreThreeLayersTwoHidden()
    {
        var arch = Architecture.Parse("2,16,16,1");

        Assert.Equal(2, arch.Inputs);
        Assert.Equal(3, arch.LayerCount);
        Assert.Equal(2, arch.HiddenLayerCount);
        Assert.Equal("2,16,16,1", arch.ToString());
    }
}
