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

    [Fact]
    public void Parse_UnknownName_MessageIsOneLineWithTheValidNamesInOrder()
    {
        var e = Assert.Throws<ArgumentException>(() => InitSchemes.Parse("glorot"));

        Assert.Equal("name", e.ParamName);
        Assert.StartsWith("unknown init 'glorot'; valid: xavier, he, lecun, gaussian", e.Message);
    }

    [Theory]
    [InlineData(InitScheme.He, "he")]
    [InlineData(InitScheme.Lecun, "lecun")]
    public void Name_EveryScheme_IsItsLowerCaseName(InitScheme scheme, string name) => Assert.Equal(name, scheme.Name());

    // Fans chosen so that every formula is √(1/4) = 0.5 exactly: Xavier 2/(3 + 5), He 2/8, LeCun 1/4.
    [Theory]
    [InlineData(InitScheme.Xavier, 3, 5, 0.5)]
    [InlineData(InitScheme.He, 8, 1, 0.5)]
    [InlineData(InitScheme.Lecun, 4, 7, 0.5)]
    [InlineData(InitScheme.Gaussian, 4, 7, 0.1)]
    public void Std_FansWithAnExactRoot_IsScaleTimesTheFormula(InitScheme scheme, int fanIn, int fanOut, double unscaled)
    {
        Assert.Equal(unscaled, scheme.Std(fanIn, fanOut, 1.0));
        Assert.Equal(3 * unscaled, scheme.Std(fanIn, fanOut, 3.0), 1e-15);
    }

    [Fact]
    public void Std_FanOutMatters_OnlyForXavier()
    {
        // Xavier [fan_in 2, fan_out 6]: √(2/8) = 0.5; [2, 14]: √(2/16) = √2/4.
        Assert.Equal(0.5, InitScheme.Xavier.Std(2, 6, 1.0));
        Assert.Equal(Math.Sqrt(2) / 4, InitScheme.Xavier.Std(2, 14, 1.0), 1e-16);
        Assert.Equal(InitScheme.He.Std(8, 1, 1.0), InitScheme.He.Std(8, 100, 1.0));
        Assert.Equal(InitScheme.Lecun.Std(4, 1, 1.0), InitScheme.Lecun.Std(4, 100, 1.0));
    }

    [Fact]
    public void Std_UndefinedScheme_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ((InitScheme)7).Std(2, 2, 1.0));

        Assert.Equal("scheme", e.ParamName);
        Assert.Equal((InitScheme)7, e.ActualValue);
    }
}
