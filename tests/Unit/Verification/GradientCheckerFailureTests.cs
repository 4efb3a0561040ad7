using System.Globalization;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

/// <summary>The gate can fail: wrong gradients are caught, and reported by parameter, values and tolerance.</summary>
[Trait("Category", "GradientCheck")]
public sealed class GradientCheckerFailureTests
{
    /// <summary>tanh's value with the sign of its derivative flipped: backprop through it is wrong.</summary>
    private readonly struct FlippedTanh : IActivationFunction<FlippedTanh>
    {
        public static string Name => "flipped_tanh";
        public static double Value(double z) => Math.Tanh(z);
        public static double Derivative(double z) => -1.0 / (Math.Cosh(z) * Math.Cosh(z));
        public static double LowerBound => -1.0;
        public static double UpperBound => 1.0;
        public static bool IsMonotone => true;
        public static bool IsOdd => true;
        public static double[] Kinks => [];
        public static bool IsInLimit(double z) => Math.Abs(Math.Tanh(z)) > 0.95;
        public static string LimitRule => "|tanh z| > 0.95";
    }

    private static readonly Dataset Data = Xor.Generate(12, 0.1, 11);

    private static Mlp Tanh(string arch) => Mlp.Init(Architecture.Parse(arch), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 11);

    private static GradientCheckReport CheckWithInjectedError(Mlp model, int layer, int index, double error)
    {
        var analytic = LossGradient.Compute(model, Data).Layers;
        analytic[layer].Weights[index] += error;
        return GradientChecker.Compare(model, Data, analytic, GradientCheckOptions.Default);
    }

    [Fact]
    public void Compare_OneWrongWeightEntry_ReportsExactlyThatEntry()
    {
        var model = Tanh("2,4,1");

        // W1[1,2] is Weights[1·fan_out + 2] of layer 0.
        var report = CheckWithInjectedError(model, layer: 0, index: 1 * 4 + 2, error: 1e-3);

        Assert.False(report.Passed);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("W1[1,2]", failure.Id.ToString());
    }

    [Fact]
    public void Compare_WrongEntryOfSecondLayer_NamesLayerTwoAndIndex()
    {
        var model = Tanh("2,5,1");

        var report = CheckWithInjectedError(model, layer: 1, index: 3, error: 1e-3);

        Assert.Equal(ParameterId.Weight(2, 3, 0), Assert.Single(report.Failures).Id);
    }

    [Fact]
    public void Compare_WrongEntry_MessageHasIdBothValuesAndTolerance()
    {
        var model = Tanh("2,4,1");

        var report = CheckWithInjectedError(model, layer: 0, index: 1 * 4 + 2, error: 1e-3);
        var failure = Assert.Single(report.Failures);
        string message = report.ToString();

        var ic = CultureInfo.InvariantCulture;
        Assert.Contains("W1[1,2]", message);
        Assert.Contains(failure.Analytic.ToString("G6", ic), message);
        Assert.Contains(failure.Numeric.ToString("G6", ic), message);
        Assert.Contains("tolerance", message);
        Assert.Contains("FAILED", message);
    }

    [Fact]
    public void Compare_WrongEntryUnderCommaDecimalCulture_MessageKeepsInvariantNumbers()
    {
        var model = Tanh("2,4,1");
        var saved = CultureInfo.CurrentCulture;
        string message;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            message = CheckWithInjectedError(model, layer: 0, index: 1 * 4 + 2, error: 1e-3).ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        var failure = CheckWithInjectedError(model, layer: 0, index: 1 * 4 + 2, error: 1e-3).Failures.Single();
        Assert.Contains(failure.Analytic.ToString("G6", CultureInfo.InvariantCulture), message);
        Assert.DoesNotContain(failure.Analytic.ToString("G6", CultureInfo.GetCultureInfo("de-DE")), message);
    }

    [Fact]
    public void Compare_ErrorBelowTolerance_Passes()
    {
        var model = Tanh("2,4,1");

        // 1e-12 is three orders of magnitude below atol 1e-9: the gate must not flag rounding noise.
        var report = CheckWithInjectedError(model, layer: 0, index: 6, error: 1e-12);

        Assert.True(report.Passed, report.ToString());
    }

    /// <summary>
    /// One hidden layer: δz1 = δs·w2·φ′(z1) has its sign flipped, so every W1 and b1 entry is wrong
    /// (analytic = −numeric) while W2 and b2, upstream of φ′, stay right.
    /// </summary>
    [Fact]
    public void Check_FlippedDerivativeOneHiddenLayer_FailsExactlyLayerOne()
    {
        var model = Mlp.Init(Architecture.Parse("2,3,1"), Activation<FlippedTanh>.Instance, InitScheme.Xavier, 1.0, 11);

        var report = GradientChecker.Check(model, Data);

        Assert.False(report.Passed);
        var failedIds = report.Failures.Select(f => f.Id).ToHashSet();
        var layerOne = report.Entries.Where(e => e.Id.Layer == 1).Select(e => e.Id).ToHashSet();
        Assert.Equal(layerOne, failedIds);
    }

    /// <summary>
    /// Two hidden layers: δz2 gets one flip (wrong), δz1 = (δz2·W2ᵀ)·φ′(z1) gets a second flip and is
    /// right again. So exactly the W2 and b2 entries fail: the report must name layer 2, not 1 or 3.
    /// </summary>
    [Fact]
    public void Check_FlippedDerivativeTwoHiddenLayers_FailsExactlyLayerTwo()
    {
        var model = Mlp.Init(Architecture.Parse("2,3,4,1"), Activation<FlippedTanh>.Instance, InitScheme.Xavier, 1.0, 11);

        var report = GradientChecker.Check(model, Data);

        var failedIds = report.Failures.Select(f => f.Id).ToHashSet();
        var layerTwo = report.Entries.Where(e => e.Id.Layer == 2).Select(e => e.Id).ToHashSet();
        Assert.Equal(layerTwo, failedIds);
        Assert.Contains("W2[", report.ToString());
    }

    [Fact]
    public void Check_FlippedDerivative_AnalyticIsNegatedNumeric()
    {
        var model = Mlp.Init(Architecture.Parse("2,3,1"), Activation<FlippedTanh>.Instance, InitScheme.Xavier, 1.0, 11);

        var report = GradientChecker.Check(model, Data);

        // The wrong entries are wrong in the way the defect predicts, not merely different.
        foreach (var f in report.Failures)
            Assert.True(Math.Abs(f.Analytic + f.Numeric) <= 1e-9 + 1e-6 * Math.Abs(f.Numeric), report.Describe(f));
    }
}
