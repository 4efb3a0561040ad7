using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Statistics;

/// <summary>HolmBonferroni.Adjust against Holm's step-down procedure run from its definition (make_paired.py).</summary>
public sealed class HolmBonferroniTests
{
    private const string Section = "holm";

    public static TheoryData<string> Cases() => StatsOracle.Names(Section);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adjust_DefinitionCase_MatchesWithin1e15Relative(string name)
    {
        var c = StatsOracle.Case(Section, name);
        double[] expected = c.Doubles("adjusted"), actual = HolmBonferroni.Adjust(c.Doubles("p"));
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) StatsOracle.AssertRelative(expected[i], actual[i], 1e-15, $"{name}[{i}]");
    }

    [Fact]
    public void Adjust_AnyInput_NeverBelowRawNorAboveBonferroni()
    {
        double[] p = [0.001, 0.2, 0.013, 0.04, 0.04, 0.7];
        double[] adjusted = HolmBonferroni.Adjust(p);
        for (int i = 0; i < p.Length; i++)
        {
            Assert.True(adjusted[i] >= p[i]);
            Assert.True(adjusted[i] <= Math.Min(1.0, p.Length * p[i]));
        }
    }

    [Fact]
    public void Adjust_SmallestOfThree_IsTrebledAndOrderKept()
    {
        // Sorted 0.01, 0.02, 0.5 → 0.03, max(0.03, 0.04), max(0.04, 0.5).
        Assert.Equal([0.5, 0.03, 0.04], HolmBonferroni.Adjust([0.5, 0.01, 0.02]));
    }

    [Fact]
    public void Adjust_Empty_IsEmpty()
    {
        Assert.Empty(HolmBonferroni.Adjust([]));
    }

    [Fact]
    public void Adjust_PValueOutsideUnitInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HolmBonferroni.Adjust([0.1, 1.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HolmBonferroni.Adjust([double.NaN]));
    }

    [Fact]
    public void Adjust_PValuesExactlyZeroAndOne_AreAccepted()
    {
        // m = 2, sorted (0, 1): min(1, 2·0) = 0, then max(0, min(1, 1·1)) = 1.
        Assert.Equal([1.0, 0.0], HolmBonferroni.Adjust([1.0, 0.0]));
    }

    [Fact]
    public void Adjust_PValueAboveOne_ThrowsNamingP()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => HolmBonferroni.Adjust([0.1, 1.5]));
        Assert.Equal("p", e.ParamName);
        Assert.Equal("a p-value must lie in [0, 1] (Parameter 'p')" + Environment.NewLine + "Actual value was 1.5.", e.Message);
    }
}
