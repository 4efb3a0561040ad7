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
}
