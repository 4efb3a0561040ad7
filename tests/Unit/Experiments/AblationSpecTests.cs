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
    public void MemoryProblem_ManyMoreRunsThanTheLogsKept_IsNotRefused()
    {
        // 100,000 paper runs on 2 GB: their logs together are far beyond it, but a sweep keeps at most
        // RunSet.DefaultRetainedBytes of them (the rest are read back from their files).
        const int runs = 100_000;
        const long available = 2L << 30;

        Assert.Null(Presets.Paper.MemoryProblem(2, runs, available));
        // Counting every log as kept refuses the same sweep, so it is the budget that lets it through.
        Assert.NotNull(Presets.Paper.MemoryProblem(2, runs, available, retainedBytes: long.MaxValue));
    }

    [Fact]
    public void MemoryProblem_RunsInProgressThatDoNotFit_AreStillRefused()
    {
        // Every run in progress holds its working set and log: 1,000 threads of a wide network cannot fit in 2 GB.
        var wide = Presets.Paper with { Arch = [2, 4096, 4096, 1] };

        Assert.NotNull(wide.MemoryProblem(1000, 1000, 2L << 30));
        Assert.Null(wide.MemoryProblem(1, 1000, 2L << 30));
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
