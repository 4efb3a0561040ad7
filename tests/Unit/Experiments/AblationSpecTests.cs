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

    [Fact]
    public void Runs_TwoOfEveryAxis_ActivationSlowestThenInitThenScaleThenSeed()
    {
        var spec = new AblationSpec { Activations = ["tanh", "relu"], Inits = ["he", "xavier"], Scales = [2.0, 0.5], Seeds = [7, 3] };

        Assert.Equal(
        [
            "tanh_he_s2_seed7", "tanh_he_s2_seed3", "tanh_he_s0p5_seed7", "tanh_he_s0p5_seed3",
            "tanh_xavier_s2_seed7", "tanh_xavier_s2_seed3", "tanh_xavier_s0p5_seed7", "tanh_xavier_s0p5_seed3",
            "relu_he_s2_seed7", "relu_he_s2_seed3", "relu_he_s0p5_seed7", "relu_he_s0p5_seed3",
            "relu_xavier_s2_seed7", "relu_xavier_s2_seed3", "relu_xavier_s0p5_seed7", "relu_xavier_s0p5_seed3",
        ], spec.Runs().Select(r => r.Stem));
        Assert.Equal(["tanh_he_s2", "tanh_he_s0p5", "tanh_xavier_s2", "tanh_xavier_s0p5", "relu_he_s2", "relu_he_s0p5", "relu_xavier_s2", "relu_xavier_s0p5"],
            spec.Settings().Select(s => s.Stem));
    }

    [Fact]
    public void Runs_SeveralRates_RateBetweenScaleAndSeed()
    {
        var spec = new AblationSpec { Activations = ["relu"], Scales = [1.0, 2.0], LearningRates = [0.5, 0.1], Seeds = [0, 1] };

        Assert.Equal(
        [
            "relu_xavier_s1_lr0p5_seed0", "relu_xavier_s1_lr0p5_seed1", "relu_xavier_s1_lr0p1_seed0", "relu_xavier_s1_lr0p1_seed1",
            "relu_xavier_s2_lr0p5_seed0", "relu_xavier_s2_lr0p5_seed1", "relu_xavier_s2_lr0p1_seed0", "relu_xavier_s2_lr0p1_seed1",
        ], spec.Runs().Select(r => r.Stem));
        Assert.Equal([0.5, 0.1], spec.Rates);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Runs_AnEmptyAxis_IsNoRun(int axis)
    {
        var spec = axis switch
        {
            0 => new AblationSpec { Activations = [] },
            1 => new AblationSpec { Inits = [] },
            2 => new AblationSpec { Scales = [] },
            _ => new AblationSpec { Seeds = [] },
        };

        Assert.Empty(spec.Runs());
    }

    [Fact]
    public void Rates_OneRate_IsTheLearningRate()
    {
        var spec = new AblationSpec { LearningRate = 0.3 };

        Assert.Equal([0.3], spec.Rates);
        Assert.Equal(0.3, spec.RateOf(new SettingKey("relu", "xavier", 1.0, 0.9) with { LearningRate = null }));
        Assert.Equal(0.9, spec.RateOf(new SettingKey("relu", "xavier", 1.0, 0.9)));
    }

    [Fact]
    public void AccuracyMetric_TestAccuracyWithASplitTrainAccuracyWithout()
    {
        Assert.Equal("test_acc", new AblationSpec { TestSize = 0.25 }.AccuracyMetric);
        Assert.True(new AblationSpec { TestSize = 0.25 }.HasTestSplit);
        Assert.Equal("train_acc", new AblationSpec { TestSize = 0 }.AccuracyMetric);
        Assert.False(new AblationSpec { TestSize = 0 }.HasTestSplit);
    }

    [Fact]
    public void Architecture_IsTheArchWidths()
    {
        var arch = new AblationSpec { Arch = [2, 5, 3, 1] }.Architecture;

        Assert.Equal(2, arch.HiddenLayerCount);
    }

    [Fact]
    public void Defaults_AreThePaperNetworkOnTheStudysData()
    {
        var d = new AblationSpec();

        Assert.Equal("custom", d.Name);
        Assert.Equal(["relu", "tanh", "arctan", "softsign"], d.Activations);
        Assert.Equal(["xavier"], d.Inits);
        Assert.Equal([1.0], d.Scales);
        Assert.Equal([System.Numerics.BigInteger.Zero], d.Seeds);
        Assert.Equal([2, 16, 16, 1], d.Arch);
        Assert.Equal((300, 0.1, 0.25, false, 0.05, 3000), (d.N, d.Noise, d.TestSize, d.RelabelAfterNoise, d.LearningRate, d.Epochs));
        Assert.Equal((1e-3, 0.1, 1, 0), (d.DerivEps, d.ZLinearEps, d.LogEvery, d.CurvatureEvery));
        Assert.Null(d.LearningRates);
    }
}
