using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

/// <summary>
/// A relu unit whose pre-activation sits within the step h = 1e-4 of its kink: the ±h probes of w1 and b1
/// straddle 0, where a central difference is no derivative. The checker must count those, not judge them.
/// </summary>
[Trait("Category", "GradientCheck")]
public sealed class KinkCrossingTests
{
    // One row x = 1, y = 1. Layer 1: z = 1·w1 + b1; layer 2: s = relu(z)·1 + 0.
    private static readonly Dataset OneRow = Dataset.Create([1.0], [1.0], 1);

    private static Mlp ReluChain(double w1, double b1) =>
        HandBuilt.Network(Activation<Relu>.Instance, HandBuilt.Layer(1, 1, [w1], [b1]), HandBuilt.Layer(1, 1, [1.0], [0.0]));

    [Fact]
    public void Check_PreActivationWithinStepOfKink_MarksThatLayersParametersAsKinkCrossing()
    {
        // z = 1e-5 < h: z ± h and z ± h/2 fall on both sides of 0 for w1 and for b1 (x = 1).
        var report = GradientChecker.Check(ReluChain(1e-5, 0.0), OneRow);

        var crossing = report.Entries.Where(e => e.CrossesKink).Select(e => e.Id.ToString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["W1[0,0]", "b1[0]"], crossing);
        Assert.Equal(2, report.KinkCrossingCount);
    }

    [Fact]
    public void Check_KinkCrossingEntries_AreCountedInTheSummary()
    {
        var report = GradientChecker.Check(ReluChain(1e-5, 0.0), OneRow);

        Assert.Equal(2, report.CheckedCount);
        Assert.Contains("2 kink-crossing not checked", report.ToString());
    }

    [Fact]
    public void Check_KinkCrossingEntry_WouldFailIfJudged()
    {
        var report = GradientChecker.Check(ReluChain(1e-5, 0.0), OneRow);

        // The probes see relu's slope 1 on one side and 0 on the other: the difference quotient is about
        // 0.6 of the true slope, far outside the tolerance. Counting it instead of judging it is the point.
        var b1 = report.Entries.Single(e => e.Id == ParameterId.Bias(1, 0));
        Assert.True(b1.AbsoluteError > 100 * b1.Tolerance(report.Options), report.Describe(b1));
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Check_PreActivationFarFromKink_HasNoKinkCrossing()
    {
        // z = 0.5 ≫ h: nothing straddles 0, every parameter is judged.
        var report = GradientChecker.Check(ReluChain(0.5, 0.0), OneRow);

        Assert.Equal(0, report.KinkCrossingCount);
        Assert.Equal(4, report.CheckedCount);
        Assert.True(report.Passed, report.ToString());
    }
}
