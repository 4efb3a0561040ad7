using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>Where the nine declared claims apply, from a folder's spec alone.</summary>
public sealed class StudyClaimsTests
{
    private static IReadOnlyList<ClaimResult> On(AblationSpec spec) => ClaimEvaluator.Evaluate(SeedValues.Of(spec, []));

    [Fact]
    public void All_NineClaims_WithDistinctIdsOneToNine()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], StudyClaims.All.Select(c => c.Id));
        Assert.All(StudyClaims.All, c => Assert.NotEmpty(c.Comparisons));
    }

    [Fact]
    public void All_Alpha_IsFivePercentExceptClaimThree()
    {
        Assert.All(StudyClaims.All.Where(c => c.Id != "3"), c => Assert.Equal(0.05, c.Alpha));
        Assert.Equal(0.01, StudyClaims.Claim3.Alpha);
    }

    [Theory]
    [InlineData("seed", new[] { "1", "2" })]
    [InlineData("paper", new[] { "3", "4", "5", "6", "7", "8" })]
    [InlineData("paper-heldout", new[] { "3", "4", "5", "6", "7", "8" })]
    [InlineData("deep", new[] { "9" })]
    [InlineData("smoke", new string[0])]
    public void Configuration_EachPreset_MatchesExactlyItsOwnClaims(string preset, string[] ids)
    {
        var spec = Presets.Get(preset);
        Assert.Equal(ids, StudyClaims.All.Where(c => c.Configuration(spec)).Select(c => c.Id));
    }

    [Fact]
    public void Configuration_PaperWithOtherEpochs_IsNotThePaperConfiguration()
    {
        Assert.False(StudyClaims.Claim4.Configuration(Presets.Paper with { Epochs = 1000 }));
        Assert.False(StudyClaims.Claim4.Configuration(Presets.Paper with { LogEvery = 10 }));
        Assert.True(StudyClaims.Claim4.Configuration(Presets.Paper with { Seeds = [3, 4], Activations = ["relu"] }));
    }

    [Fact]
    public void Configuration_DeepOnTheInitialNetworkOnly_AcceptsAnyEpochs()
    {
        Assert.True(StudyClaims.Claim9.Configuration(Presets.Deep with { Epochs = 1 }));
        Assert.False(StudyClaims.Claim9.Configuration(Presets.Deep with { Arch = [2, 32, 32, 1] }));
    }

    [Fact]
    public void Evaluate_FolderWithoutTheSettings_EveryClaimNotApplicable()
    {
        Assert.All(On(Presets.Paper with { Activations = ["relu"] }), r => Assert.Equal(ClaimVerdict.NotApplicable, r.Verdict));
        Assert.All(On(Presets.Smoke), r => Assert.Equal(ClaimVerdict.NotApplicable, r.Verdict));
    }
}
