using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

/// <summary>
/// A check that cannot fail is the worst defect a verification harness can have: with a wrong entry
/// planted in the analytical gradient, every step the gate accepts must report that entry, and every
/// step whose rounding bound 4ε·|L|/h would swamp atol must be refused rather than pass it.
/// </summary>
[Trait("Category", "GradientCheck")]
public sealed class PlantedGradientTests
{
    private static readonly Dataset Data = Xor.Generate(16, 0.1, 42);

    private static Mlp Model() => Mlp.Init(Architecture.Parse("2,16,16,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 42);

    // Steps 10^-300 … 10^-1 by decades, and the two steps of the adversarial report.
    private static IEnumerable<double> Steps() =>
        Enumerable.Range(-300, 300).Select(k => Math.Pow(10, k)).Append(2.5e-13).Append(3e-6);

    [Fact]
    public void Compare_PlantedWrongGradient_FailsAtEveryAcceptedStep()
    {
        var model = Model();
        var analytic = LossGradient.Compute(model, Data).Layers;
        // W2[8,14] is Weights[8·16 + 14] of layer index 1; 1e-7 is a hundred times atol.
        analytic[1].Weights[8 * 16 + 14] += 1e-7;
        var planted = ParameterId.Weight(2, 8, 14);
        int accepted = 0, refused = 0;

        foreach (double h in Steps())
        {
            GradientCheckReport report;
            try
            {
                report = GradientChecker.Compare(model, Data, analytic, new GradientCheckOptions(Step: h));
            }
            catch (ArgumentOutOfRangeException)
            {
                refused++;
                continue;
            }
            accepted++;
            Assert.False(report.Passed, $"step {h:R} passed a gradient planted 1e-7 off\n{report}");
            Assert.Contains(report.Failures, f => f.Id == planted);
        }

        // Both sides are exercised: the steps of a sound check are accepted, the tiny ones refused.
        Assert.InRange(accepted, 5, 20);
        Assert.InRange(refused, 280, 300);
    }

    [Theory]
    [InlineData(1e-13)]
    [InlineData(1e-300)]
    public void Check_StepWhoseRoundingSwampsAtol_IsRefused(double step)
    {
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => GradientChecker.Check(Model(), Data, new GradientCheckOptions(Step: step)));

        Assert.Contains("rounding", e.Message);
    }

    [Fact]
    public void Tolerance_HugeRoundingBound_AddsAtMostAtol()
    {
        var options = GradientCheckOptions.Default;
        var entry = new ParameterCheck(ParameterId.Bias(1, 0), Analytic: 1.0, Numeric: 0.0, CrossesKink: false, NumericRounding: 1e300);

        // Whatever the step, the tolerance stays atol + rtol·|n| + atol: a gradient off by 1 cannot pass.
        Assert.Equal(2 * options.Atol, entry.Tolerance(options));
        Assert.False(entry.Passes(options));
    }

    [Fact]
    public void Sample_SameSeed_SameDistinctEntriesInModelOrder()
    {
        var model = Model();

        var first = GradientChecker.Sample(model, 25, 7);
        var again = GradientChecker.Sample(model, 25, 7);
        var other = GradientChecker.Sample(model, 25, 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(25, first.Distinct().Count());
        var report = GradientChecker.Check(model, Data, GradientCheckOptions.Default, first, null, CancellationToken.None);
        Assert.Equal(first, report.Entries.Select(e => e.Id));
        Assert.True(report.Passed, report.ToString());
    }
}
