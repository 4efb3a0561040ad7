using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

/// <summary>The checker's inputs: whole-model samples, mismatched gradients and subsets, steps at the edge of validity.</summary>
public sealed class GradientCheckerArgumentTests
{
    private static readonly Dataset TwoRows = Dataset.Create([0.5, -1.0, 1.5, 0.25], [1.0, 0.0], 2);

    // [2,2,1]: 6 + 2 + 2 + 1 = 11 parameters.
    private static Mlp Model() => HandBuilt.Network(Activation<Tanh>.Instance,
        HandBuilt.Layer(2, 2, [0.3, -0.4, 0.5, 0.6], [0.1, -0.1]), HandBuilt.Layer(2, 1, [0.7, -0.2], [0.05]));

    [Fact]
    public void Sample_CountOfEveryParameter_ListsThemAllInModelOrder()
    {
        string[] expected = ["W1[0,0]", "W1[0,1]", "W1[1,0]", "W1[1,1]", "b1[0]", "b1[1]", "W2[0,0]", "W2[1,0]", "b2[0]"];

        Assert.Equal(expected, GradientChecker.Sample(Model(), 9, 3).Select(id => id.ToString()));
    }

    [Fact]
    public void Compare_GradientWithOtherLayerCount_IsRefusedNamingBothCounts()
    {
        var oneLayer = LossGradient.Compute(Model(), TwoRows).Layers.Take(1).ToArray();

        var e = Assert.Throws<ArgumentException>(() => GradientChecker.Compare(Model(), TwoRows, oneLayer, GradientCheckOptions.Default));
        Assert.Equal("analytic gradient has 1 layers, the model 2", e.Message);
    }

    [Fact]
    public void Check_SubsetNamingAParameterTheModelLacks_IsRefused()
    {
        ParameterId[] only = [ParameterId.Bias(1, 0), ParameterId.Weight(3, 0, 0)];

        var e = Assert.Throws<ArgumentException>(() =>
            GradientChecker.Check(Model(), TwoRows, GradientCheckOptions.Default, only, null, CancellationToken.None));
        Assert.Equal("only", e.ParamName);
        Assert.StartsWith("1 of the parameters to check are not in the model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveStep_RequestedStepEqualToTheSmallestValidOne_IsAccepted()
    {
        var options = new GradientCheckOptions(Atol: 1e-9);
        double smallest = GradientChecker.SmallestStep(0.7, options.Atol);

        Assert.Equal(smallest, GradientChecker.ResolveStep(options with { Step = smallest }, 0.7));
        Assert.Throws<StepRefusedException>(() => GradientChecker.ResolveStep(options with { Step = Math.BitDecrement(smallest) }, 0.7));
    }

    [Fact]
    public void ResolveStep_ZeroAtol_IsRefusedSayingNoStepIsValid()
    {
        var e = Assert.Throws<StepRefusedException>(() => GradientChecker.ResolveStep(new GradientCheckOptions(Atol: 0.0), 0.7));

        Assert.Equal(double.PositiveInfinity, e.SmallestStep);
        Assert.StartsWith("no step is valid: the rounding error 4ε·|L|/h (L = 0.7) cannot stay below atol 0", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 1e-9)]
    [InlineData(0.0, 0.0)]
    public void SmallestStep_NonFiniteLossOrZeroAtol_IsInfinite(double loss, double atol) =>
        Assert.Equal(double.PositiveInfinity, GradientChecker.SmallestStep(loss, atol));

    [Fact]
    public void LossGradient_DataWithOtherFeatureCount_IsRefusedNamingBoth()
    {
        var threeFeatures = Dataset.Create([1.0, 2.0, 3.0], [1.0], 3);

        var e = Assert.Throws<ArgumentException>(() => LossGradient.Compute(Model(), threeFeatures));
        Assert.Equal("the model takes 2 inputs but the data has 3 features", e.Message);
    }
}
