using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

/// <summary>
/// A large loss makes the central difference's own rounding, about 3ε·|L|/h, larger than atol at the usual
/// step: the gate must neither fail a right gradient (found by the random-network property: a deep softplus
/// net at He scale 2 has L ≈ 232, so 3ε·L/h ≈ 1.5e-9 > atol 1e-9) nor widen the tolerance so far that it
/// passes a wrong one. So the automatic step grows until the bound is below atol, and a smaller step is refused.
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
    public void Check_LargeLossTinyGradient_StepRaisedSoTheRoundingBoundStaysWithinAtol()
    {
        var report = GradientChecker.Check(Model(), Rows);
        var options = report.Options;

        // The smallest valid step is 4ε·L/atol = 4 · 2^−52 · 5000 / 1e-9 ≈ 4.44e-3; the automatic one is twice it…
        Assert.InRange(options.Step!.Value, 8.8e-3, 9.0e-3);
        // …so each entry's rounding bound, 4ε·L/h ≈ 5e-10, stays below atol and joins the tolerance whole.
        Assert.All(report.Entries, e => Assert.InRange(e.NumericRounding, 4.9e-10, 5.1e-10));
        Assert.All(report.Entries, e => Assert.Equal(e.NumericRounding, e.AppliedRounding(options)));
    }

    [Fact]
    public void Check_LargeLossAtTheUsualStep_IsRefusedNamingTheSmallestValidStep()
    {
        // At h = 1e-4 the bound 4ε·L/h ≈ 4.4e-8 is 44 times atol: a tolerance that wide could pass a wrong gradient.
        var e = Assert.Throws<StepRefusedException>(() => GradientChecker.Check(Model(), Rows, new GradientCheckOptions(Step: 1e-4)));

        Assert.InRange(e.SmallestStep, 4.4e-3, 4.5e-3);
        Assert.Contains("h >= 0.00444", e.Message);
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
