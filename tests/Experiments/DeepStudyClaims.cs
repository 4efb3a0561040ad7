using GradFlow.Experiments;

namespace GradFlow.Tests.Experiments;

/// <summary>The study made deep (`deep` preset: eight hidden layers of 32, Xavier and He at scale 1, seeds 0–4).</summary>
[Trait("Category", "Experiment")]
public sealed class DeepStudyClaims(DeepPresetResults results) : IClassFixture<DeepPresetResults>
{
    [Fact]
    public void Claim9_OnFiveSeeds_IsInconclusive()
    {
        // Five seeds give at best two-sided p = 2/32 per comparison; Holm over two makes it 1/8.
        var claim = results.Claim("9");
        Claim.Is(ClaimVerdict.Inconclusive, claim);
        Assert.All(claim.Comparisons, c => Assert.Equal(5, c.N1));
    }
}

/// <summary>Claim 9 on twenty seeds of the deep configuration's initial network.</summary>
[Trait("Category", "Experiment")]
public sealed class DeepTwentySeedsClaims(DeepTwentySeedsResults results) : IClassFixture<DeepTwentySeedsResults>
{
    [Fact]
    public void Claim9_XavierVanishesTowardTheInputAndHeKeepsTheSignal()
    {
        Claim.Is(ClaimVerdict.Holds, results.Claim("9"));
    }
}
