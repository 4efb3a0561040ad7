using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>
/// Validate: each bad field is refused with a one-line message that starts with the field's option name
/// and says what it accepts; the values at each edge of what is accepted pass.
/// </summary>
public sealed class AblationSpecValidationTests
{
    // Valid as it stands (the defaults are the paper network on 300 points, 3000 epochs).
    private static readonly AblationSpec Valid = new();

    private static string Refusal(AblationSpec spec)
    {
        var e = Assert.Throws<SpecException>(() => spec.Validate());
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    private static void Accepted(AblationSpec spec) => Assert.Same(spec, spec.Validate());

    [Fact]
    public void Validate_Defaults_ReturnsTheSpecItself() => Accepted(Valid);

    [Fact]
    public void Validate_NoActivation_NamesEveryValidActivation()
    {
        string m = Refusal(Valid with { Activations = [] });

        Assert.StartsWith("activations: at least one is needed; valid: relu, tanh, arctan, softsign, sigmoid", m);
        Assert.Contains("softplus", m);
    }

    [Fact]
    public void Validate_UnknownActivation_NamesItAndTheValidOnes()
    {
        string m = Refusal(Valid with { Activations = ["relu", "swish"] });

        Assert.StartsWith("activations: unknown activation 'swish'; valid: relu, tanh, arctan, softsign", m);
    }

    [Fact]
    public void Validate_ActivationInAnotherCase_IsAccepted() => Accepted(Valid with { Activations = ["ReLU"] });

    [Fact]
    public void Validate_NoInit_NamesTheFourSchemes() =>
        Assert.Equal("inits: at least one is needed; valid: xavier, he, lecun, gaussian", Refusal(Valid with { Inits = [] }));

    [Fact]
    public void Validate_UnknownInit_NamesItAndTheFourSchemes() =>
        Assert.Equal("inits: unknown init 'kaiming'; valid: xavier, he, lecun, gaussian", Refusal(Valid with { Inits = ["xavier", "kaiming"] }));

    [Fact]
    public void Validate_NoScale_SaysWhatAScaleIs() =>
        Assert.Equal("scales: at least one is needed, each a finite number > 0", Refusal(Valid with { Scales = [] }));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-2.0, "-2")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Validate_ScaleNotFinitePositive_IsRefusedNamingIt(double scale, string printed) =>
        Assert.Equal($"scales: {printed} is not a finite number > 0", Refusal(Valid with { Scales = [1.0, scale] }));

    [Theory]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    public void Validate_ScaleAtTheEdgesOfTheFinitePositives_IsAccepted(double scale) => Accepted(Valid with { Scales = [scale] });

    [Fact]
    public void Validate_NoSeed_GivesAnExample() =>
        Assert.Equal("seeds: at least one is needed, e.g. 0-9 or 0,3,7", Refusal(Valid with { Seeds = [] }));

    [Fact]
    public void Validate_RepeatedSeed_IsRefused() =>
        Assert.Equal("seeds: each seed may appear once", Refusal(Valid with { Seeds = [3, 1, 3] }));

    [Fact]
    public void Validate_RepeatedActivation_IsRefused() =>
        Assert.Equal("activations, inits and scales: each value may appear once", Refusal(Valid with { Activations = ["relu", "tanh", "relu"] }));

    [Fact]
    public void Validate_RepeatedInit_IsRefused() =>
        Assert.Equal("activations, inits and scales: each value may appear once", Refusal(Valid with { Inits = ["he", "he"] }));

    [Fact]
    public void Validate_RepeatedScale_IsRefused() =>
        Assert.Equal("activations, inits and scales: each value may appear once", Refusal(Valid with { Scales = [0.5, 2.0, 0.5] }));

    [Fact]
    public void Validate_DistinctValuesEverywhere_AreAccepted() =>
        Accepted(Valid with { Activations = ["relu", "tanh"], Inits = ["xavier", "he"], Scales = [0.5, 2.0], Seeds = [0, 1] });

    [Fact]
    public void Validate_ArchitectureTheModelRefuses_IsPrefixedWithArch()
    {
        string m = Refusal(Valid with { Arch = [2, 0, 1] });

        Assert.StartsWith("arch: ", m);
        Assert.Contains("[2,0,1]", m);
    }

    [Fact]
    public void Validate_InputWidthOtherThanTwo_SaysTheDataHasTwoFeatures() =>
        Assert.Equal("arch: the XOR data has 2 features, so the input width must be 2, got [3,4,1]", Refusal(Valid with { Arch = [3, 4, 1] }));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Validate_NonPositiveN_IsRefused(int n) =>
        Assert.Equal($"n: {n} is not a positive integer", Refusal(Valid with { N = n, TestSize = 0 }));

    [Fact]
    public void Validate_OnePointWithoutSplit_IsAccepted() => Accepted(Valid with { N = 1, TestSize = 0 });

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Validate_NoiseNotFiniteNonNegative_IsRefused(double noise, string printed) =>
        Assert.Equal($"noise: {printed} is not a finite number >= 0", Refusal(Valid with { Noise = noise }));

    [Fact]
    public void Validate_NoiseBeyondTheOverflowBound_NamesTheBound()
    {
        string m = Refusal(Valid with { Noise = 1e301 });

        Assert.StartsWith("noise: 1E+301 is beyond 1e300", m);
        Assert.EndsWith("expected a number in [0, 1e300]", m);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e300)]
    public void Validate_NoiseAtTheEdgesOfItsRange_IsAccepted(double noise) => Accepted(Valid with { Noise = noise });

    [Theory]
    [InlineData(-0.25, "-0.25")]
    [InlineData(1.0, "1")]
    [InlineData(double.NaN, "NaN")]
    public void Validate_TestSizeOutsideZeroToOne_IsRefused(double size, string printed) =>
        Assert.Equal($"test-size: {printed} is not in [0, 1)", Refusal(Valid with { TestSize = size }));

    [Fact]
    public void Validate_TestSizeTakingEveryRow_SaysNoTrainingRowsAreLeft() =>
        // round(4 · 0.9) = 4 test rows of 4
        Assert.Equal("test-size: 0.9 of n = 4 leaves no training rows", Refusal(Valid with { N = 4, TestSize = 0.9 }));

    [Fact]
    public void Validate_TestSizeLeavingOneTrainingRow_IsAccepted() =>
        // round(4 · 0.75) = 3 test rows, 1 train row
        Accepted(Valid with { N = 4, TestSize = 0.75 });

    [Fact]
    public void Validate_TestSizeRoundingToNoRows_SaysHowToFixIt() =>
        // round(10 · 0.04) = 0
        Assert.Equal("test-size: 0.04 of n = 10 rounds to no test rows; use 0 for no split or a size with round(n·size) >= 1",
            Refusal(Valid with { N = 10, TestSize = 0.04 }));

    [Fact]
    public void Validate_TestSizeRoundingToOneRow_IsAccepted() =>
        // round(10 · 0.06) = 1
        Accepted(Valid with { N = 10, TestSize = 0.06 });

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.05, "-0.05")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Validate_LearningRateNotFinitePositive_IsRefused(double lr, string printed) =>
        Assert.Equal($"lr: {printed} is not a finite number > 0", Refusal(Valid with { LearningRate = lr }));

    [Fact]
    public void Validate_NoRates_SaysWhatARateIs() =>
        Assert.Equal("lrs: at least one is needed, each a finite number > 0", Refusal(Valid with { LearningRates = [] }));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void Validate_RateNotFinitePositive_IsRefusedNamingIt(double lr, string printed) =>
        Assert.Equal($"lrs: {printed} is not a finite number > 0", Refusal(Valid with { LearningRates = [0.5, lr] }));

    [Fact]
    public void Validate_RepeatedRate_IsRefused() =>
        Assert.Equal("lrs: each rate may appear once", Refusal(Valid with { LearningRates = [0.5, 1.0, 0.5] }));

    [Fact]
    public void Validate_DistinctRates_AreAccepted() => Accepted(Valid with { LearningRates = [0.05, 2.0] });

    [Fact]
    public void Validate_NegativeCurvatureEvery_SaysZeroIsOff() =>
        Assert.Equal("curvature-every: -1 is not an integer >= 0 (0 = off)", Refusal(Valid with { CurvatureEvery = -1 }));

    [Fact]
    public void Validate_CurvatureWithLogEveryTwo_NamesTheLogEveryGiven() =>
        Assert.Equal("curvature-every: the dynamics instruments compare consecutive epochs, so they need every epoch recorded; use --log-every 1, not 2",
            Refusal(Valid with { CurvatureEvery = 1, LogEvery = 2 }));

    [Fact]
    public void Validate_CurvatureWithEveryEpochLogged_IsAccepted() => Accepted(Valid with { CurvatureEvery = 1, LogEvery = 1 });

    [Fact]
    public void Validate_NoCurvatureWithLogEveryTwo_IsAccepted() => Accepted(Valid with { CurvatureEvery = 0, LogEvery = 2 });

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_NonPositiveEpochs_IsRefused(int epochs) =>
        Assert.Equal($"epochs: {epochs} is not a positive integer", Refusal(Valid with { Epochs = epochs }));

    [Fact]
    public void Validate_OneEpoch_IsAccepted() => Accepted(Valid with { Epochs = 1 });

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void Validate_DerivEpsNotFinitePositive_IsRefused(double eps, string printed) =>
        Assert.Equal($"deriv-eps: {printed} is not a finite number > 0", Refusal(Valid with { DerivEps = eps }));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void Validate_ZLinearEpsNotFinitePositive_IsRefused(double eps, string printed) =>
        Assert.Equal($"z-linear-eps: {printed} is not a finite number > 0", Refusal(Valid with { ZLinearEps = eps }));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Validate_NonPositiveLogEvery_IsRefused(int every) =>
        Assert.Equal($"log-every: {every} is not a positive integer", Refusal(Valid with { LogEvery = every }));

    // The most columns a run of Valid's network can record: a run with a test split and curvature on records every metric.
    private static long Columns => RunExecutor.Columns(Valid with { CurvatureEvery = 1 }, "relu").Count;

    // A run logs epochs 0, e, 2e, ... below the budget and the last one: floor((epochs − 1) / e) + 2 rows at most.
    private static long LoggedValues(int epochs, int every) => ((epochs - 1L) / every + 2) * Columns;

    [Fact]
    public void Validate_LargestEpochsWhoseLogFits_IsAccepted()
    {
        int epochs = (int)(AblationSpec.MaxLoggedValues / Columns - 2) + 1;
        Assert.True(LoggedValues(epochs, 1) <= AblationSpec.MaxLoggedValues);

        Accepted(Valid with { Epochs = epochs });
    }

    [Fact]
    public void Validate_OneEpochPastTheLogBudget_IsRefusedNamingTheSizes()
    {
        int epochs = (int)(AblationSpec.MaxLoggedValues / Columns - 2) + 2;
        long values = LoggedValues(epochs, 1);
        Assert.True(values > AblationSpec.MaxLoggedValues);

        Assert.Equal($"epochs: {epochs} epochs logged every 1 would keep about {values} values per run; at most 134217728 (fewer epochs or a larger --log-every)",
            Refusal(Valid with { Epochs = epochs }));
    }

    [Fact]
    public void Validate_LogEveryThree_CountsEveryThirdEpochAgainstTheBudget()
    {
        // Three times the epochs of one-every-epoch's last fit, logged every third: about the same rows.
        long rows = AblationSpec.MaxLoggedValues / Columns;
        int fits = (int)((rows - 2) * 3) + 1, over = (int)((rows - 1) * 3) + 1;
        Assert.True(LoggedValues(fits, 3) <= AblationSpec.MaxLoggedValues && LoggedValues(over, 3) > AblationSpec.MaxLoggedValues);

        Accepted(Valid with { Epochs = fits, LogEvery = 3 });
        Assert.StartsWith($"epochs: {over} epochs logged every 3 would keep about {LoggedValues(over, 3)} values", Refusal(Valid with { Epochs = over, LogEvery = 3 }));
    }

    [Fact]
    public void Validate_FirstProblemInFieldOrder_IsTheOneNamed() =>
        // Bad activation, init and epochs at once: the activation is named first.
        Assert.StartsWith("activations:", Refusal(Valid with { Activations = ["nope"], Inits = ["nope"], Epochs = 0 }));
}
