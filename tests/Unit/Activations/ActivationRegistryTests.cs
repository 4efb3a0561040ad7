using GradFlow.Activations;

namespace GradFlow.Tests.Unit.Activations;

public sealed class ActivationRegistryTests
{
    // Written out, not read from the registry: the list a user is promised.
    private static readonly string[] Expected = ["relu", "tanh", "arctan", "softsign", "sigmoid", "leaky_relu", "elu", "gelu", "silu", "softplus"];

    [Fact]
    public void Get_UnknownName_MessageListsEveryValidName()
    {
        var e = Assert.Throws<ArgumentException>(() => ActivationRegistry.Get("swish"));

        Assert.Contains("'swish'", e.Message);
        Assert.All(Expected, name => Assert.Contains(name, e.Message));
        Assert.Contains("relu, tanh, arctan, softsign", e.Message, StringComparison.Ordinal); // one name per item, in the registry's order
    }

    [Fact]
    public void Names_AreTheTenActivations()
    {
        Assert.Equal(Expected.Order(), ActivationRegistry.Names.Order());
    }

    [Fact]
    public void StudyNames_AreTheStudysFourInItsOrder()
    {
        Assert.Equal(["relu", "tanh", "arctan", "softsign"], ActivationRegistry.StudyNames);
    }

    [Theory]
    [InlineData("TANH", "tanh")]
    [InlineData("Leaky_ReLU", "leaky_relu")]
    public void Get_DifferentCase_FindsTheActivation(string name, string expected)
    {
        Assert.Equal(expected, ActivationRegistry.Get(name).Name);
    }

    [Fact]
    public void TryGet_UnknownName_ReturnsFalse()
    {
        Assert.False(ActivationRegistry.TryGet("sin", out _));
    }
}
