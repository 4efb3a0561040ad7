using GradFlow.Reporting;

namespace GradFlow.Tests.Reporting;

public sealed class PairwiseSentenceTests
{
    [Fact]
    public void Sentence_SignificantAndFavouringTheFirst_SaysTheFirstBeatsTheSecond() =>
        Assert.Equal("relu beats tanh at scale 0.5: p = 0.0003, Holm p = 0.005, rank-biserial 0.92",
            ReportMarkdown.Sentence("relu", "tanh", "at scale 0.5", 0.0003, 0.005, 0.92));

    [Fact]
    public void Sentence_SignificantAndFavouringTheSecond_NamesTheSecondAsWinnerWithItsEffect() =>
        Assert.Equal("relu beats tanh at scale 2: p = 0.002, Holm p = 0.03, rank-biserial 0.80",
            ReportMarkdown.Sentence("tanh", "relu", "at scale 2", 0.002, 0.03, -0.8));

    [Fact]
    public void Sentence_NotSignificant_SaysNoSignificantDifference() =>
        Assert.Equal("tanh vs arctan at scale 1: no significant difference (p = 0.41, Holm p = 1.0, rank-biserial 0.12)",
            ReportMarkdown.Sentence("tanh", "arctan", "at scale 1", 0.41, 1.0, 0.12));

    [Fact]
    public void Sentence_RawPBelowAlphaButHolmPNot_FollowsTheAdjustedP() =>
        Assert.Equal("relu vs tanh at scale 2: no significant difference (p = 0.02, Holm p = 0.09, rank-biserial 0.60)",
            ReportMarkdown.Sentence("relu", "tanh", "at scale 2", 0.02, 0.09, 0.6));

    [Fact]
    public void Sentence_PExactlyAlpha_IsNotSignificant() =>
        Assert.Contains("no significant difference", ReportMarkdown.Sentence("a", "b", "at scale 1", 0.01, ReportMarkdown.Alpha, 1.0));

    [Fact]
    public void Sentence_TinyP_IsWrittenAsBelowOneInTenThousand() =>
        Assert.Contains("p < 0.0001", ReportMarkdown.Sentence("a", "b", "at scale 1", 1e-7, 1e-6, 1.0));

    [Fact]
    public void MinimumP_ThreeSeedsWithoutTies_CannotReachAlpha() =>
        Assert.True(ReportMarkdown.MinimumP(3, 3, tiedWithin: false) > ReportMarkdown.Alpha);

    [Fact]
    public void MinimumP_TenSeeds_CanReachAlpha() =>
        Assert.True(ReportMarkdown.MinimumP(10, 10, tiedWithin: false) < ReportMarkdown.Alpha);

    [Fact]
    public void MinimumP_TiesWithinEachSample_IsSmallerThanWithout() =>
        Assert.True(ReportMarkdown.MinimumP(3, 3, tiedWithin: true) < ReportMarkdown.MinimumP(3, 3, tiedWithin: false));
}
