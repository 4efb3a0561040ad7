using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

/// <summary>
/// A large loss makes the central difference's own rounding, about 3ε·|L|/h, larger than atol: the gate must
/// widen the tolerance by that bound instead of failing a right gradient. (Found by the random-network
/// property: a deep softplus net at He scale 2 has L ≈ 232, so 3ε·L/h ≈ 1.5e-9 > atol 1e-9.)
/// </summary>
[Trait("Category", "GradientCheck")]
public sealed class NumericRoundingTests
{
    // [2,1]: row 1 x = (1, 0), y = 0, s = 1e4 (ℓ = 1e4, no say in w2); row 2 x = (0, 1), y = 1, s = 20.
    // L ≈ 5000, and ∂L/∂w2 = (σ(20) − 1)/2 ≈ −1.03e-9, far below one ulp of L (9.1e-13) per 2h = 2e-4.
    private static readonly Dataset Rows = Dataset.Create([1.0, 0.0, 0.0, 1.0], [0.0, 1.0], 2);

    private static Mlp Model() => HandBuilt.Network(Activation<Tanh>.Instance, HandBuilt.Layer(2, 1, [1e4, 20.0], [0.0]));

    [Fact]
    public void Check_LargeLossTinyGradient_Passes()
    {
        var report = GradientChecker.Check(Model(), Rows);

        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Check_LargeLossTinyGradient_ErrorExceedsAtolButNotTheRoundingBound()
    {
        var report = GradientChecker.Check(Model(), Rows);
        var w2 = report.Entries.Single(e => e.Id == ParameterId.Weight(1, 1, 0));

        // The difference quotient cannot resolve −1.03e-9 under a loss of 5000: it is off by more than atol…
        var options = report.Options;
        Assert.True(w2.AbsoluteError > options.Atol + options.Rtol * Math.Abs(w2.Numeric), report.Describe(w2));
        // …but within its rounding bound 4ε·L/h = 4 · 2^−52 · 5000 / 1e-4 ≈ 4.4e-8.
        Assert.InRange(w2.NumericRounding, 4.4e-8, 4.5e-8);
        Assert.True(w2.AbsoluteError <= w2.Tolerance(options), report.Describe(w2));
    }

    [Fact]
    public void Check_LossNearOne_RoundingBoundIsFarBelowAtol()
    {
        var model = Mlp.Init(Architecture.Parse("2,4,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);

        var report = GradientChecker.Check(model, Xor.Generate(12, 0.1, 3));

        // L ≈ 0.7: 4ε·L/h ≈ 6e-12, so the gate's tolerance at loss ~1 stays atol + rtol·|n|.
        Assert.All(report.Entries, e => Assert.True(e.NumericRounding < 1e-10, report.Describe(e)));
    }
}
