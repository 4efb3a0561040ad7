using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>Every rule builder refuses what is not a rule, naming what is wrong.</summary>
public sealed class GaussRuleValidationTests
{
    [Fact]
    public void Rule_NoNodes_EveryBuilderThrowsOutOfRange()
    {
        Assert.Contains("at least one node", Assert.Throws<ArgumentOutOfRangeException>(() => GaussRule.FromRecurrence([], [], 0)).Message);
        Assert.Contains("at least one node", Assert.Throws<ArgumentOutOfRangeException>(() => GaussLegendre.Rule(0)).Message);
        Assert.Contains("at least one node", Assert.Throws<ArgumentOutOfRangeException>(() => GaussHermite.Rule(0)).Message);
        Assert.Contains("at least one node", Assert.Throws<ArgumentOutOfRangeException>(() => HalfRangeHermite.Rule(0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussLegendre.Rule(-2));
    }

    [Fact]
    public void FromRecurrence_TooFewCoefficients_ThrowsForEitherList()
    {
        var alpha = Assert.Throws<ArgumentException>(() => GaussRule.FromRecurrence([0.0], [1.0, 0.5], 2));
        Assert.Contains("2 nodes need 2 recurrence coefficients α and β, got 1 and 2", alpha.Message);
        var beta = Assert.Throws<ArgumentException>(() => GaussRule.FromRecurrence([0.0, 0.0], [1.0], 2));
        Assert.Contains("got 2 and 1", beta.Message);
        // More coefficients than nodes are fine: the first n are used.
        Assert.Equal(2, GaussRule.FromRecurrence([0.0, 0.0, 0.0], [2.0, 1.0 / 3.0, 0.4], 2).Count);
    }

    [Fact]
    public void FromRecurrence_ZeroMassOrZeroBeta_IsNotAPositiveMeasure()
    {
        Assert.Contains("positive mass, got 0", Assert.Throws<ArgumentException>(() => GaussRule.FromRecurrence([0.0], [0.0], 1)).Message);
        Assert.Contains("β_1 = 0 is not positive", Assert.Throws<ArgumentException>(() => GaussRule.FromRecurrence([0.0, 0.0], [1.0, 0.0], 2)).Message);
    }

    [Fact]
    public void FromRecurrence_TwoNodes_AreTheClosedForm()
    {
        // Legendre, n = 2: nodes ±1/√3, weights 1 (A&S 25.4.29); a shifted α moves them by α.
        var rule = GaussRule.FromRecurrence([0.25, 0.25], [2.0, 1.0 / 3.0], 2);
        Assert.Equal(0.25 - 1 / Math.Sqrt(3), rule.Nodes[0], 1e-15);
        Assert.Equal(0.25 + 1 / Math.Sqrt(3), rule.Nodes[1], 1e-15);
        Assert.Equal(1.0, rule.Weights[0], 1e-15);
        Assert.Equal(1.0, rule.Weights[1], 1e-15);
    }

    [Fact]
    public void HalfRangeHermite_ManyNodes_IntegratesMomentsUpToDegree2nMinus1()
    {
        // ∫_0^∞ e^{−x²} x^k dx = Γ((k + 1)/2)/2, here up to k = 2n − 1 = 159: the discretisation must reach far enough out.
        const int n = 80;
        var rule = HalfRangeHermite.Rule(n);
        double gamma = Math.Sqrt(Math.PI), gammaNext = 1.0; // Γ(½), Γ(1)
        for (int k = 0; k <= 2 * n - 1; k++)
        {
            int power = k;
            double expected = gamma / 2;
            double actual = rule.Integrate(x => Math.Pow(x, power));
            Assert.True(Math.Abs(actual - expected) <= 1e-11 * expected, $"k {k}: {actual:R} vs {expected:R}");
            (gamma, gammaNext) = (gammaNext, gamma * ((k + 1) / 2.0)); // Γ((k + 2)/2), Γ((k + 3)/2)
        }
    }
}
