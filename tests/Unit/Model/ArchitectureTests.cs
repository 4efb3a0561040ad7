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

    [Theory]
    [InlineData(new[] { 2 })]
    [InlineData(new int[0])]
    public void Constructor_FewerThanTwoWidths_ThrowsNamingTheWidths(int[] widths)
    {
        var e = Assert.Throws<ArgumentException>(() => new Architecture(widths));

        Assert.Equal($"an architecture needs at least an input and an output width, got [{string.Join(",", widths)}]", e.Message);
    }

    [Theory]
    [InlineData(new[] { 0, 3, 1 })]
    [InlineData(new[] { 2, -1, 1 })]
    [InlineData(new[] { 2, 3, 0 })]
    public void Constructor_WidthNotPositive_ThrowsNamingTheWidths(int[] widths)
    {
        var e = Assert.Throws<ArgumentException>(() => new Architecture(widths));

        Assert.Equal($"layer widths must be positive integers, got [{string.Join(",", widths)}]", e.Message);
    }

    [Fact]
    public void Constructor_TwoWidthsEndingInOne_IsAccepted()
    {
        var arch = new Architecture([1, 1]);

        Assert.Equal(1, arch.Inputs);
        Assert.Equal(1, arch.LayerCount);
        Assert.Equal(0, arch.HiddenLayerCount);
    }

    [Fact]
    public void Constructor_CallerChangesItsList_ArchitectureKeepsItsCopy()
    {
        var widths = new List<int> { 2, 5, 1 };
        var arch = new Architecture(widths);

        widths[1] = 9;

        Assert.Equal([2, 5, 1], arch.Widths);
    }

    [Theory]
    [InlineData("+2,1")]
    [InlineData("2.0,1")]
    [InlineData("2,1,")]
    [InlineData("2,1,1 1")]
    public void Parse_SignsDecimalsAndEmptyTrailingParts_AreRejected(string text)
    {
        var e = Assert.Throws<FormatException>(() => Architecture.Parse(text));

        Assert.Equal($"architecture '{text}' is not a comma-separated list of at least two positive integers ending in 1, e.g. 2,16,16,1", e.Message);
    }

    [Theory]
    [InlineData("2,3")]
    [InlineData("7")]
    public void Parse_NotEndingInOneOrTooShort_SaysTheOutputIsOneSigmoidUnit(string text)
    {
        var e = Assert.Throws<FormatException>(() => Architecture.Parse(text));

        Assert.EndsWith("e.g. 2,16,16,1 (the output is one sigmoid unit)", e.Message);
    }

    [Fact]
    public void Equals_NullOtherWidthsOrItself_FollowsTheWidths()
    {
        var a = Architecture.Parse("2,8,1");

        Assert.False(a.Equals(null));
        Assert.True(a.Equals(a));
        Assert.False(a.Equals(Architecture.Parse("2,8,8,1")));
        Assert.False(a.Equals(Architecture.Parse("3,8,1")));
        // HashCode mixes every width: two architectures that differ in one width hash apart (but for a 2^−32 chance).
        Assert.NotEqual(a.GetHashCode(), Architecture.Parse("2,9,1").GetHashCode());
        Assert.NotEqual(a.GetHashCode(), Architecture.Parse("2,8,8,1").GetHashCode());
    }
}
