using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

public sealed class InitSchemesTests
{
    [Fact]
    public void Parse_UnknownName_MessageListsEveryValidName()
    {
        var e = Assert.Throws<ArgumentException>(() => InitSchemes.Parse("glorot"));

        Assert.Contains("'glorot'", e.Message);
        Assert.All((string[])["xavier", "he", "lecun", "gaussian"], name => Assert.Contains(name, e.Message));
    }

    [Theory]
    [InlineData("xavier", InitScheme.Xavier)]
    [InlineData("He", InitScheme.He)]
    [InlineData("LECUN", InitScheme.Lecun)]
    [InlineData("gaussian", InitScheme.Gaussian)]
    public void Parse_KnownName_AnyCase_GivesTheScheme(string name, InitScheme expected)
    {
        Assert.Equal(expected, InitSchemes.Parse(name));
    }

    [Theory]
    [InlineData(InitScheme.Xavier, "xavier")]
    [InlineData(InitScheme.Gaussian, "gaussian")]
    public void Name_RoundTripsThroughParse(InitScheme scheme, string name)
    {
        Assert.Equal(name, scheme.Name());
        Assert.Equal(scheme, InitSchemes.Parse(scheme.Name()));
    }
}
