using GradFlow.Experiments;

namespace GradFlow.Tests.Experiments;

/// <summary>The first study (`seed` preset: one seed, N(0, 0.1²) init, 2000 epochs, accuracy on all 300 points).</summary>
[Trait("Category", "Experiment")]
public sealed class SeedStudyClaims(SeedPresetResults results) : IClassFixture<SeedPresetResults>
{
    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Claim_OnTheStudysOneSeed_IsInconclusive(string id)
    {
        // One seed gives at best p = 1 with a two-sided signed-rank test: no statistic can decide it.
        Claim.Is(ClaimVerdict.Inconclusive, results.Claim(id));
    }

    [Fact]
    public void Claims_OfOtherPresets_AreNotApplicable()
    {
        Assert.All(results.Claims.Where(c => c.Claim.Id is not ("1" or "2")), c => Claim.Is(ClaimVerdict.NotApplicable, c));
    }

    [Fact]
    public void Artifacts_SeedStudy_HoldBothAccuracyFiguresAndTheReport()
    {
        var plots = results.Outcome.Store.PlotsDirectory;
        Assert.True(File.Exists(Path.Combine(plots, "accuracy_comparison.png")), $"no accuracy_comparison.png in {plots}");
        Assert.True(File.Exists(Path.Combine(plots, "accuracy_zoomed.png")), $"no accuracy_zoomed.png in {plots}");
        Assert.True(File.Exists(results.Outcome.Store.ReportPath));
    }
}

/// <summary>The first study's configuration on seeds 42–51, where its claims can be decided.</summary>
[Trait("Category", "Experiment")]
public sealed class SeedStudyTenSeedsClaims(SeedTenSeedsResults results) : IClassFixture<SeedTenSeedsResults>
{
    [Fact]
    public void Claim1_Relu_ReachesNinetyPercentAndNoSmoothActivationEightyPercent()
    {
        Claim.Is(ClaimVerdict.Holds, results.Claim("1"));
    }

    [Fact]
    public void Claim2_ArctanLagsTanh_HoldsButTheCurvesAreNotWithinOnePercentOnEverySeed()
    {
        // Finding: on two of the ten seeds the largest tanh–arctan gap exceeds 1 % of the points, so
        // "within 1 % at every epoch" does not hold across seeds; arctan's higher final loss does.
        Claim.ComparisonsAre(results.Claim("2"), new Dictionary<string, ClaimVerdict>
        {
            ["largest |tanh − arctan| train_acc gap vs 0.01"] = ClaimVerdict.DoesNotHold,
        });
    }
}
