using System.Numerics;
using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class SettingKeyTests
{
    [Theory]
    [InlineData("relu", "xavier", 0.5, "relu_xavier_s0p5")]
    [InlineData("tanh", "he", 2.0, "tanh_he_s2")]
    public void Stem_OneRateSweep_IsActivationInitScale(string activation, string init, double scale, string stem)
    {
        var key = new SettingKey(activation, init, scale);

        Assert.Equal(stem, key.Stem);
        Assert.Equal(stem, key.ToString());
    }

    [Theory]
    [InlineData(0.05, "relu_xavier_s0p5_lr0p05")]
    [InlineData(1.0, "relu_xavier_s0p5_lr1")]
    public void Stem_WithALearningRate_NamesTheRateAfterTheScale(double lr, string stem)
    {
        var key = new SettingKey("relu", "xavier", 0.5, lr);

        Assert.Equal(stem, key.Stem);
        Assert.Equal(stem, key.ToString());
    }

    [Fact]
    public void WithSeed_Seed_IsTheRunOfThisSettingAndSeed()
    {
        var setting = new SettingKey("gelu", "xavier", 1.0, 0.1);

        var run = setting.WithSeed(9);

        Assert.Same(setting, run.Setting);
        Assert.Equal(new BigInteger(9), run.Seed);
    }
}

public sealed class RunKeyTests
{
    [Fact]
    public void Stem_Run_IsTheSettingsStemAndTheSeed()
    {
        var key = new RunKey(new SettingKey("relu", "xavier", 0.5), 3);

        Assert.Equal("relu_xavier_s0p5_seed3", key.Stem);
        Assert.Equal("relu_xavier_s0p5_seed3", key.ToString());
    }

    [Fact]
    public void Stem_SeedBeyond2To64_WritesEveryDigit()
    {
        var key = new RunKey(new SettingKey("tanh", "xavier", 1.0, 0.5), BigInteger.Pow(2, 64));

        Assert.Equal("tanh_xavier_s1_lr0p5_seed18446744073709551616", key.Stem);
    }

    [Fact]
    public void Properties_Run_AreItsSettings()
    {
        var key = new RunKey(new SettingKey("softsign", "he", 0.25), 0);

        Assert.Equal("softsign", key.Activation);
        Assert.Equal("he", key.Init);
        Assert.Equal(0.25, key.Scale);
    }
}
