using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

public sealed class GaussRuleTests
{
    [Fact]
    public void GaussHermite_ThreeNodes_AreTheClosedForm()
    {
        // H_3(x) = 8x³ − 12x: nodes 0, ±√(3/2); weights √π·2/3 and √π/6 (Abramowitz & Stegun 25.4.46).
        var rule = GaussHermite.Rule(3);
        Assert.Equal(-Math.Sqrt(1.5), rule.Nodes[0], 1e-15);
        Assert.Equal(0.0, rule.Nodes[1], 1e-15);
        Assert.Equal(Math.Sqrt(1.5), rule.Nodes[2], 1e-15);
        Assert.Equal(Math.Sqrt(Math.PI) / 6, rule.Weights[0], 1e-15);
        Assert.Equal(Math.Sqrt(Math.PI) * 2 / 3, rule.Weights[1], 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(120)]
    public void GaussHermite_AnyCount_IntegratesPolynomialsOfDegreeBelow2n(int n)
    {
        var rule = GaussHermite.Rule(n);
        // E z^{2k} = (2k − 1)!! for z ~ N(0, 1), exact for 2k ≤ 2n − 1; checked up to degree 30.
        double doubleFactorial = 1;
        for (int k = 1; 2 * k <= Math.Min(2 * n - 1, 30); k++)
        {
            doubleFactorial *= 2 * k - 1;
            int power = 2 * k;
            double e = GaussHermite.Expectation(rule, z => Math.Pow(z, power));
            Assert.True(Math.Abs(e - doubleFactorial) <= 1e-13 * doubleFactorial, $"n {n}: E z^{power} = {e:R}");
        }
        Assert.Equal(1.0, GaussHermite.Expectation(rule, _ => 1.0), 1e-15);
    }

    [Fact]
    public void GaussHermite_Nodes_AreZerosOfTheHermitePolynomial()
    {
        // H_{n+1} = 2x H_n − 2n H_{n−1}, evaluated independently of the Jacobi matrix, scaled by its size.
        const int n = 30;
        var rule = GaussHermite.Rule(n);
        foreach (double x in rule.Nodes)
        {
            double hPrev = 1, h = 2 * x, scale = Math.Abs(h) + 1;
            for (int k = 1; k < n; k++)
            {
                (hPrev, h) = (h, 2 * x * h - 2 * k * hPrev);
                scale = Math.Max(scale, Math.Abs(h));
            }
            Assert.True(Math.Abs(h) <= 1e-12 * scale * n, $"H_{n}({x:R}) = {h:E3}");
        }
    }

    [Fact]
    public void GaussLegendre_Integrates_PolynomialsAndTheArctangent()
    {
        var rule = GaussLegendre.Rule(20);
        Assert.Equal(2.0 / 39, rule.Integrate(x => Math.Pow(x, 38)), 1e-15);
        Assert.Equal(Math.PI / 2, rule.Integrate(x => 1 / (1 + x * x)), 1e-12);
        Assert.Equal(2.0, rule.Weights.Sum(), 1e-14);
    }

    [Fact]
    public void HalfRangeHermite_Recurrence_MatchesItsClosedFormFirstTerms()
    {
        // On [0, ∞) with e^{−x²}: μ₀ = √π/2, α₀ = E x = 1/√π, β₁ = Var x = ½ − 1/π.
        var (alpha, beta) = HalfRangeHermite.Recurrence(4);
        Assert.True(Math.Abs(beta[0] - Math.Sqrt(Math.PI) / 2) <= 4e-15, $"μ₀ {beta[0]:R}");
        Assert.True(Math.Abs(alpha[0] - 1 / Math.Sqrt(Math.PI)) <= 4e-15, $"α₀ {alpha[0]:R}");
        Assert.True(Math.Abs(beta[1] - (0.5 - 1 / Math.PI)) <= 4e-15, $"β₁ {beta[1]:R}");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(100)]
    public void HalfRangeHermite_Rule_IntegratesTheHalfLineMoments(int n)
    {
        // ∫_0^∞ e^{−x²} x^k dx = Γ((k + 1)/2)/2, exact for k ≤ 2n − 1; checked to degree 40.
        var rule = HalfRangeHermite.Rule(n);
        Assert.All(rule.Nodes, x => Assert.True(x > 0));
        for (int k = 0; k <= Math.Min(2 * n - 1, 40); k++)
        {
            int power = k;
            double expected = GammaHalfInteger(k + 1) / 2;
            double actual = rule.Integrate(x => Math.Pow(x, power));
            Assert.True(Math.Abs(actual - expected) <= 1e-13 * expected, $"n {n}, k {k}: {actual:R} vs {expected:R}");
        }
    }

    [Fact]
    public void FromRecurrence_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussHermite.Rule(0));
        Assert.Throws<ArgumentException>(() => GaussRule.FromRecurrence([0.0, 0.0], [1.0, -1.0], 2));
        Assert.Throws<ArgumentException>(() => GaussRule.FromRecurrence([0.0], [0.0], 1));
    }

    // Γ(m/2) for a positive integer m: Γ(½) = √π, Γ(1) = 1, Γ(x + 1) = xΓ(x).
    private static double GammaHalfInteger(int m)
    {
        double g = m % 2 == 0 ? 1 : Math.Sqrt(Math.PI);
        for (double x = m % 2 == 0 ? 1 : 0.5; x < m / 2.0 - 1e-9; x++) g *= x;
        return g;
    }
}
