using GradFlow.Experiments.Statistics;

namespace GradFlow.Tests.Unit.Statistics;

public sealed class SpearmanTests
{
    [Fact]
    public void Rho_WithTies_MatchesScipy()
    {
        // scipy.stats.spearmanr([3,1,4,1,5,9,2,6], [2,7,1,8,2,8,1,8]).correlation (SciPy 1.10, Debian).
        Assert.Equal(0.19885368120992467, Spearman.Rho([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8]), 1e-14);
    }

    [Fact]
    public void Rho_OneSwap_IsHandComputed()
    {
        // Ranks (3,2,4,1) and (4,2,3,1): Σd² = 2, so ρ = 1 − 6·2/(4·15) = 0.8.
        Assert.Equal(0.8, Spearman.Rho([0.5, 0.2, 0.9, 0.1], [10, 3, 7, 1]), 1e-15);
    }

    [Fact]
    public void Rho_MonotoneAndReversed_AreOneAndMinusOne()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Equal(1.0, Spearman.Rho(x, x.Select(v => Math.Exp(v)).ToArray()), 1e-15);
        Assert.Equal(-1.0, Spearman.Rho(x, x.Select(v => -v * v * v).ToArray()), 1e-15);
    }

    [Fact]
    public void Ranks_Ties_ShareTheirMeanRank() => Assert.Equal([1.5, 3, 1.5, 4], Spearman.Ranks([2, 5, 2, 7]));

    [Fact]
    public void Rho_BadSizes_Throws()
    {
        Assert.Throws<ArgumentException>(() => Spearman.Rho([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => Spearman.Rho([1], [1]));
    }

    [Fact]
    public void Rho_DifferentSizes_MessageGivesBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => Spearman.Rho([1, 2, 3], [1, 2]));
        Assert.Equal("samples of different sizes: 3 and 2", e.Message);
    }

    [Fact]
    public void Rho_OnePair_ThrowsSayingTwoAreNeeded()
    {
        var e = Assert.Throws<ArgumentException>(() => Spearman.Rho([1], [1]));
        Assert.Equal("a rank correlation needs at least two pairs", e.Message);
    }

    [Fact]
    public void Rho_ExactlyTwoPairs_IsPlusOrMinusOne()
    {
        // Two pairs: centred ranks (−½, ½) against (−½, ½) or (½, −½), so ρ = ±¼/√(½·½) = ±1.
        Assert.Equal(1.0, Spearman.Rho([1, 2], [5, 9]));
        Assert.Equal(-1.0, Spearman.Rho([1, 2], [9, 5]));
    }

    [Fact]
    public void Rho_RanksOneTwoThreeAgainstOneThreeTwo_IsOneHalf()
    {
        // Centred ranks (−1, 0, 1) and (−1, 1, 0): Σxy = 1, Σx² = Σy² = 2, ρ = 1/2.
        Assert.Equal(0.5, Spearman.Rho([1, 2, 3], [1, 3, 2]), 1e-15);
    }

    [Fact]
    public void Rho_TieInX_UsesAverageRanks()
    {
        // x ranks (1, 2.5, 2.5, 4), centred (−1.5, 0, 0, 1.5); y centred (−1.5, −0.5, 0.5, 1.5):
        // Σxy = 4.5, Σx² = 4.5, Σy² = 5, ρ = 4.5/√22.5 = √0.9.
        Assert.Equal(Math.Sqrt(0.9), Spearman.Rho([1, 2, 2, 3], [10, 20, 30, 40]), 1e-15);
    }

    [Fact]
    public void Rho_PerfectlyReversed_IsMinusOne()
        => Assert.Equal(-1.0, Spearman.Rho([1, 2, 3, 4, 5, 6], [60, 50, 40, 30, 20, 10]), 1e-15);
}
