using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>Refusals name the option a user types for each manifest field (README's option names).</summary>
public sealed class SpecOptionsTests
{
    [Theory]
    [InlineData("name", "--preset")]
    [InlineData("activations", "--activations")]
    [InlineData("inits", "--inits")]
    [InlineData("scales", "--scales")]
    [InlineData("seeds", "--seeds")]
    [InlineData("arch", "--arch")]
    [InlineData("architecture", "--arch")]
    [InlineData("n", "--n")]
    [InlineData("noise", "--noise")]
    [InlineData("test_size", "--test-size")]
    [InlineData("has_test_split", "--test-size")]
    [InlineData("accuracy_metric", "--test-size")]
    [InlineData("relabel_after_noise", "--relabel-after-noise")]
    [InlineData("learning_rate", "--lr")]
    [InlineData("epochs", "--epochs")]
    [InlineData("deriv_eps", "--deriv-eps")]
    [InlineData("z_linear_eps", "--z-linear-eps")]
    [InlineData("log_every", "--log-every")]
    public void For_ManifestField_IsItsOption(string field, string option) => Assert.Equal([option], SpecOptions.For([field]));

    [Fact]
    public void For_UnknownField_IsKeptAsItIs() => Assert.Equal(["learning_rates", "--n"], SpecOptions.For(["learning_rates", "n"]));

    [Fact]
    public void For_FieldsOfOneOption_NameItOnceWhereItFirstAppears() =>
        Assert.Equal(["--test-size", "--arch", "--lr"], SpecOptions.For(["has_test_split", "arch", "test_size", "architecture", "accuracy_metric", "learning_rate"]));

    [Fact]
    public void For_NoFields_IsEmpty() => Assert.Empty(SpecOptions.For([]));
}
