using GradFlow.Activations;

namespace GradFlow.Tests.Unit.Activations;

/// <summary>
/// The study's "limit" predicate at its thresholds, where a strict and a non-strict comparison differ,
/// on the vector body and the scalar tail of the span counts, and the rule's text beside it.
/// </summary>
public sealed class LimitRuleTests
{
    // The documented rules (README "Sweeps: metrics"; each activation's LimitRule): |φ| > 0.95·sup|φ|
    // for the bounded odd ones, z ≤ 0 for the rectifiers. Written out here, not read from the code.
    public static TheoryData<string, double> BoundedThresholds => new()
    {
        { "tanh", 0.95 },
        { "softsign", 0.95 },
        { "arctan", 0.95 * (Math.PI / 2) },
    };

    [Theory]
    [MemberData(nameof(BoundedThresholds))]
    public void CountInLimit_PhiExactlyAtTheThreshold_CountsOnlyValuesStrictlyBeyondIt(string name, double threshold)
    {
        var activation = ActivationRegistry.Get(name);
        double above = Math.BitIncrement(threshold), below = Math.BitDecrement(threshold);
        // 11 values: two four-lane blocks and a scalar tail of three, each holding the threshold itself.
        double[] phi = [threshold, -threshold, above, below, -above, threshold, -below, -threshold, threshold, -above, -threshold];
        int expected = phi.Count(p => Math.Abs(p) > threshold);
        var z = new double[phi.Length]; // bounded rules judge φ alone

        Assert.Equal(3, expected);
        Assert.Equal(expected, activation.CountInLimit(z, phi));
        for (int start = 0; start < phi.Length; start++)
            Assert.Equal(phi.AsSpan(start).ToArray().Count(p => Math.Abs(p) > threshold), activation.CountInLimit(z.AsSpan(start), phi.AsSpan(start)));
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("leaky_relu")]
    public void CountInLimit_ZeroAndMinusZero_AreOnTheDeadSide(string name)
    {
        var activation = ActivationRegistry.Get(name);
        double[] z = [0.0, -0.0, double.Epsilon, -double.Epsilon, 0.0, 1.0, -0.0, -1.0, 0.0, double.Epsilon, -0.0];
        var a = new double[z.Length];
        var dphi = new double[z.Length];
        activation.Apply(z, a, dphi);
        int expected = z.Count(v => v <= 0);

        Assert.Equal(8, expected);
        Assert.Equal(expected, activation.CountInLimit(z, a));
        Assert.Equal(expected, activation.CountInLimit(z));
        for (int start = 0; start < z.Length; start++)
            Assert.Equal(z.AsSpan(start).ToArray().Count(v => v <= 0), activation.CountInLimit(z.AsSpan(start), a.AsSpan(start)));
    }

    // Each rule's text names the value where its predicate switches (or, for the bounded ones, the
    // fraction of the bound): the string shown beside limit_rate must describe the rule that counts it.
    [Theory]
    [InlineData("relu", "z <= 0")]
    [InlineData("leaky_relu", "z <= 0")]
    [InlineData("tanh", "> 0.95")]
    [InlineData("softsign", "> 0.95")]
    [InlineData("arctan", "> 0.95·π/2")]
    [InlineData("sigmoid", "< 0.05 or > 0.95")]
    [InlineData("elu", "< -0.95")]
    [InlineData("gelu", "< 0.05")]
    [InlineData("silu", "< 0.05")]
    [InlineData("softplus", "< 0.05")]
    public void LimitRule_EveryActivation_StatesItsThreshold(string name, string threshold)
    {
        Assert.Contains(threshold, ActivationRegistry.Get(name).LimitRule, StringComparison.Ordinal);
    }

    // The rules as their LimitRule states them, on σ, φ and φ′ evaluated by the library (each proven on
    // its own elsewhere), exactly: no margin, so a strict comparison must stay strict where the rounding
    // of the quantity lands on the threshold itself (silu′ is exactly −0.05 at a double next to its tail root).
    private static readonly Dictionary<string, Func<double, bool>> DocumentedRules = new()
    {
        ["sigmoid"] = z => GradFlow.Numerics.SpecialFunctions.Sigmoid(z) is < 0.05 or > 0.95,
        ["softplus"] = z => GradFlow.Numerics.SpecialFunctions.Sigmoid(z) < 0.05,
        ["gelu"] = z => z < 0 && Math.Abs(ActivationRegistry.Get("gelu").Derivative(z)) < 0.05,
        ["silu"] = z => z < 0 && Math.Abs(ActivationRegistry.Get("silu").Derivative(z)) < 0.05,
        ["elu"] = z => Math.Exp(z) < 0.05,
    };

    // Closed-form thresholds as in tests/Properties/Activations/ActivationContracts.cs (gelu and silu: mpmath roots).
    [Theory]
    [InlineData("sigmoid", -2.9444389791664403)] // −ln 19
    [InlineData("sigmoid", 2.9444389791664403)]  // ln 19
    [InlineData("softplus", -2.9444389791664403)]
    [InlineData("elu", -2.995732273553991)]      // ln 0.05
    [InlineData("gelu", -2.348606332179378)]
    [InlineData("gelu", -0.8832333478456809)]
    [InlineData("gelu", -0.6459181235305194)]
    [InlineData("silu", -4.082559352337184)]
    [InlineData("silu", -1.558559494671482)]
    [InlineData("silu", -1.0768586173680776)]
    public void IsInLimit_DoublesNextToTheThreshold_FollowTheDocumentedRuleExactly(string name, double threshold)
    {
        var activation = ActivationRegistry.Get(name);
        var rule = DocumentedRules[name];
        double z = threshold;
        for (int i = 0; i < 256; i++) z = Math.BitDecrement(z);
        int inLimit = 0;
        for (int i = 0; i < 512; i++, z = Math.BitIncrement(z))
        {
            Assert.True(rule(z) == activation.IsInLimit(z), $"{name}.IsInLimit({z:R}) = {activation.IsInLimit(z)}, the rule \"{activation.LimitRule}\" says {rule(z)}");
            inLimit += rule(z) ? 1 : 0;
        }
        Assert.InRange(inLimit, 1, 511); // the scan straddles the threshold
    }
}
