using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class LearningRateAxisTests
{
    [Fact]
    public void Settings_OneRate_KeepTheirNamesWithoutLr()
    {
        var spec = new AblationSpec { Activations = ["tanh"], LearningRate = 0.3 };
        Assert.Equal(["tanh_xavier_s1"], spec.Settings().Select(s => s.Stem));
        Assert.Equal(0.3, spec.RateOf(spec.Settings()[0]));
        var single = spec with { LearningRates = [0.7] };
        Assert.Equal(["tanh_xavier_s1"], single.Settings().Select(s => s.Stem));
        Assert.Equal(0.7, single.RateOf(single.Settings()[0]));
    }

    [Fact]
    public void Settings_SeveralRates_NameTheRateAfterTheScale()
    {
        var spec = new AblationSpec { Activations = ["relu", "tanh"], LearningRates = [0.05, 2.0], Seeds = [0, 1] };

        Assert.Equal(["relu_xavier_s1_lr0p05", "relu_xavier_s1_lr2", "tanh_xavier_s1_lr0p05", "tanh_xavier_s1_lr2"], spec.Settings().Select(s => s.Stem));
        Assert.Equal("tanh_xavier_s1_lr2_seed1", spec.Runs()[^1].Stem);
        Assert.Equal(2.0, spec.RateOf(spec.Settings()[1]));
    }

    [Fact]
    public void Manifest_WithoutTheNewFields_SerialisesAsBefore()
    {
        // A spec that uses neither --lrs nor --curvature-every leaves both out of manifest.json (its bytes stay as they were).
        string json = System.Text.Json.JsonSerializer.Serialize(Presets.Paper, ResultStore.JsonOptions);
        Assert.DoesNotContain("learning_rates", json);
        Assert.DoesNotContain("curvature_every", json);
        Assert.DoesNotContain("rates", json);
        string eos = System.Text.Json.JsonSerializer.Serialize(Presets.Eos, ResultStore.JsonOptions);
        Assert.Contains("\"curvature_every\": 10", eos);
    }

    [Theory]
    [InlineData(new double[0], "lrs: at least one")]
    [InlineData(new[] { 0.5, -1.0 }, "lrs: -1 is not")]
    [InlineData(new[] { 0.5, 0.5 }, "lrs: each rate may appear once")]
    public void Validate_BadRates_NameTheField(double[] rates, string message)
    {
        var e = Assert.Throws<SpecException>(() => new AblationSpec { LearningRates = rates }.Validate());
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Validate_CurvatureWithLogEvery_IsRefusedSayingWhy()
    {
        var e = Assert.Throws<SpecException>(() => new AblationSpec { CurvatureEvery = 10, LogEvery = 5 }.Validate());
        Assert.Contains("--log-every 1", e.Message);
        Assert.Throws<SpecException>(() => new AblationSpec { CurvatureEvery = -1 }.Validate());
    }

    [Fact]
    public void Statistics_SeveralRates_PairOnlyWithinARate()
    {
        var spec = new AblationSpec { Activations = ["relu", "tanh"], LearningRates = [0.05, 2.0], Seeds = [0, 1, 2], Epochs = 20, TestSize = 0.25 };
        var runs = spec.Runs().Select(k => RunExecutor.Execute(spec, k)).ToArray();

        var stats = SweepStatistics.Compute(spec, runs);

        Assert.Equal(2, stats.Pairs.Count);
        Assert.Equal([0.05, 2.0], stats.Pairs.Select(p => p.LearningRate!.Value));
        // The serialised rows carry the rate, and read back into the same records.
        var rows = stats.Rows();
        Assert.Equal([0.05, 2.0], rows.Where(r => r.Statistic == "mannwhitney_p").Select(r => r.LearningRate!.Value));
        var back = SweepStats.FromRows(rows, "stats.csv");
        Assert.Equal(stats.Pairs, back.Pairs);
        Assert.Equal(stats.Settings.Select(s => s.Setting), back.Settings.Select(s => s.Setting));
    }
}
