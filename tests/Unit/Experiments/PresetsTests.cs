using System.Numerics;
using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>The presets hold the settings README.md and their summaries give for each study.</summary>
public sealed class PresetsTests
{
    private static readonly string[] Study = ["relu", "tanh", "arctan", "softsign"];

    private static BigInteger[] SeedRange(int first, int count) => [.. Enumerable.Range(first, count).Select(s => new BigInteger(s))];

    [Fact]
    public void Seed_IsTheFirstStudy()
    {
        var p = Presets.Seed;

        Assert.Equal("seed", p.Name);
        Assert.Equal(Study, p.Activations);
        Assert.Equal(["gaussian"], p.Inits);
        Assert.Equal([1.0], p.Scales);
        Assert.Equal([new BigInteger(42)], p.Seeds);
        Assert.Equal([2, 16, 16, 1], p.Arch);
        Assert.Equal(300, p.N);
        Assert.Equal(0.0, p.TestSize);
        Assert.False(p.HasTestSplit);
        Assert.Equal(0.05, p.LearningRate);
        Assert.Equal(2000, p.Epochs);
        Assert.Null(p.LearningRates);
        Assert.Equal(0, p.CurvatureEvery);
    }

    [Fact]
    public void Paper_IsTheMultiSeedStudy()
    {
        var p = Presets.Paper;

        Assert.Equal("paper", p.Name);
        Assert.Equal(Study, p.Activations);
        Assert.Equal(["xavier"], p.Inits);
        Assert.Equal([0.5, 1.0, 2.0], p.Scales);
        Assert.Equal(SeedRange(0, 10), p.Seeds);
        Assert.Equal([2, 16, 16, 1], p.Arch);
        Assert.Equal(300, p.N);
        Assert.Equal(0.25, p.TestSize);
        Assert.Equal(0.05, p.LearningRate);
        Assert.Equal(3000, p.Epochs);
        Assert.Equal(0, p.CurvatureEvery);
    }

    [Fact]
    public void PaperHeldout_IsThePaperOnSeedsTenToTwentyNine()
    {
        var p = Presets.PaperHeldout;

        Assert.Equal("paper-heldout", p.Name);
        Assert.Equal(SeedRange(10, 20), p.Seeds);
        Assert.Equal(Presets.Paper with { Name = "paper-heldout", Seeds = p.Seeds }, p);
        Assert.Equal(Presets.Paper.Scales, p.Scales);
        Assert.Equal(3000, p.Epochs);
    }

    [Fact]
    public void Smoke_IsReluAndTanhOneSeedFiftyEpochs()
    {
        var p = Presets.Smoke;

        Assert.Equal("smoke", p.Name);
        Assert.Equal(["relu", "tanh"], p.Activations);
        Assert.Equal(["xavier"], p.Inits);
        Assert.Equal([1.0], p.Scales);
        Assert.Equal([BigInteger.Zero], p.Seeds);
        Assert.Equal(50, p.Epochs);
        Assert.Equal(2, p.Runs().Count);
    }

    [Fact]
    public void Deep_IsEightHiddenLayersOfThirtyTwo()
    {
        var p = Presets.Deep;

        Assert.Equal("deep", p.Name);
        Assert.Equal(Study, p.Activations);
        Assert.Equal(["xavier", "he"], p.Inits);
        Assert.Equal([1.0], p.Scales);
        Assert.Equal(SeedRange(0, 5), p.Seeds);
        Assert.Equal([2, 32, 32, 32, 32, 32, 32, 32, 32, 1], p.Arch);
        Assert.Equal(3000, p.Epochs);
    }

    [Fact]
    public void Eos_IsTheEdgeOfStabilityStudy()
    {
        var p = Presets.Eos;

        Assert.Equal("eos", p.Name);
        Assert.Equal(Study, p.Activations);
        Assert.Equal(["xavier"], p.Inits);
        Assert.Equal([1.0], p.Scales);
        Assert.Equal(SeedRange(0, 10), p.Seeds);
        Assert.Equal([2, 16, 16, 1], p.Arch);
        Assert.Equal(0.25, p.TestSize);
        Assert.Equal([0.05, 0.5, 1.0, 2.0], p.LearningRates);
        Assert.Equal(2000, p.Epochs);
        Assert.Equal(10, p.CurvatureEvery);
        Assert.Equal(160, p.Runs().Count); // README: 160 runs
    }

    [Fact]
    public void DeepWide_IsSixteenHiddenLayersOf128()
    {
        var p = Presets.DeepWide;

        Assert.Equal("deep-wide", p.Name);
        Assert.Equal(Study, p.Activations);
        Assert.Equal(["xavier", "he"], p.Inits);
        Assert.Equal([1.0, 2.0], p.Scales);
        Assert.Equal(SeedRange(0, 5), p.Seeds);
        Assert.Equal(18, p.Arch.Count);
        Assert.Equal(2, p.Arch[0]);
        Assert.Equal(1, p.Arch[^1]);
        Assert.All(p.Arch.Skip(1).Take(16), w => Assert.Equal(128, w));
        Assert.Equal(10, p.Epochs);
    }

    [Fact]
    public void Names_AreThePresetsInTheOrderGradflowPresetsLists() =>
        Assert.Equal(["seed", "paper", "smoke", "deep", "eos", "paper-heldout", "deep-wide"], Presets.Names);

    [Fact]
    public void All_HoldsEachPresetObjectOnce()
    {
        Assert.Equal([Presets.Seed, Presets.Paper, Presets.Smoke, Presets.Deep, Presets.Eos, Presets.PaperHeldout, Presets.DeepWide], Presets.All);
        Assert.Same(Presets.Deep, Presets.All[3]);
    }

    [Fact]
    public void All_EveryPresetValidates() => Assert.All(Presets.All, p => Assert.Same(p, p.Validate()));

    [Theory]
    [InlineData("paper")]
    [InlineData("PAPER")]
    [InlineData("Paper")]
    public void Get_NameInAnyCase_GivesThePreset(string name) => Assert.Same(Presets.Paper, Presets.Get(name));

    [Fact]
    public void Get_EachName_GivesItsPreset() => Assert.All(Presets.All, p => Assert.Same(p, Presets.Get(p.Name)));

    [Fact]
    public void Get_UnknownName_NamesEveryPreset()
    {
        var e = Assert.Throws<SpecException>(() => Presets.Get("paper2"));

        Assert.Equal("unknown preset 'paper2'; valid: seed, paper, smoke, deep, eos, paper-heldout, deep-wide", e.Message);
    }
}
