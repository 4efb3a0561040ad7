using System.Globalization;
using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class AblationSpecTests
{
    [Fact]
    public void Validate_UnderACommaDecimalCulture_NamesTheBadValueInInvariantForm()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var e = Assert.Throws<SpecException>(() => (Presets.Smoke with { Scales = [-0.5] }).Validate());
            Assert.Contains("-0.5", e.Message);
            Assert.StartsWith("scales:", e.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Validate_TestSizeRoundingToNoRows_IsRefused()
    {
        var e = Assert.Throws<SpecException>(() => (Presets.Paper with { N = 10, TestSize = 0.01 }).Validate());
        Assert.StartsWith("test-size:", e.Message);
    }

    [Fact]
    public void Validate_EpochsWhoseLogWouldNotFitInMemory_AreRefusedBeforeAnythingRuns()
    {
        var e = Assert.Throws<SpecException>(() => (Presets.Paper with { Epochs = 100_000_000 }).Validate());
        Assert.StartsWith("epochs:", e.Message);
        (Presets.Paper with { Epochs = 100_000_000, LogEvery = 1000 }).Validate();
    }

    [Fact]
    public void Runs_Paper_ExpandsActivationThenInitThenScaleThenSeed()
    {
        var runs = Presets.Paper.Runs();

        Assert.Equal(4 * 3 * 10, runs.Count);
        Assert.Equal("relu_xavier_s0p5_seed0", runs[0].Stem);
        Assert.Equal("relu_xavier_s0p5_seed1", runs[1].Stem);
        Assert.Equal("relu_xavier_s1_seed0", runs[10].Stem);
        Assert.Equal("softsign_xavier_s2_seed9", runs[^1].Stem);
    }

    [Theory]
    [InlineData(0.5, "s0p5")]
    [InlineData(1.0, "s1")]
    [InlineData(2.0, "s2")]
    [InlineData(0.25, "s0p25")]
    public void ScaleTag_StudyScales_PrintLikeTheStudy(double scale, string tag) => Assert.Equal(tag, ScaleTag.Of(scale));
}
