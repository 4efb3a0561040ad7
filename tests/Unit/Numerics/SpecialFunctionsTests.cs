using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// Oracle values from mpmath 1.3 at 50 digits, evaluated at the exact double nearest each argument
/// (mpf(float(x))) and rounded to the nearest double: e.g. erfc(0.5) = 0.4795001221869535.
/// </summary>
public sealed class SpecialFunctionsTests
{
    private const double RelativeTolerance = 1e-14;

    private static void AssertRelative(double expected, double actual, string what)
    {
        Assert.True(Math.Abs(actual - expected) <= RelativeTolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):G3})");
    }

    public static TheoryData<double, double> Log1PCases() => new()
    {
        { 1e-10, 9.999999999500001e-11 },
        { -1e-10, -1.00000000005e-10 },
        { 1e-300, 1e-300 },
        { 3e-8, 2.9999999550000006e-08 },
        { 0.5, 0.4054651081081644 },
        { -0.5, -0.6931471805599453 },
        { 1, 0.6931471805599453 },
        { -0.75, -1.3862943611198906 },
        { 1e308, 709.1962086421661 },
    };

    public static TheoryData<double, double> ExpM1Cases() => new()
    {
        { 1e-10, 1.00000000005e-10 },
        { -1e-10, -9.999999999500001e-11 },
        { 1e-300, 1e-300 },
        { 3e-8, 3.000000045e-08 },
        { 0.5, 0.6487212707001282 },
        { -0.5, -0.3934693402873666 },
        { 1, 1.7182818284590453 },
        { -1, -0.6321205588285577 },
        { 2, 6.38905609893065 },
        { -40, -1.0 },
        { 709, 8.218407461554972e+307 },
    };

    // Both sides of the switch from 1 − erf(x) to the continued fraction, and deep into the tail.
    public static TheoryData<double, double> ErfcCases() => new()
    {
        { 0.1, 0.887537083981715 },
        { 0.5, 0.4795001221869535 },
        { 0.9, 0.20309178757716786 },
        { 1, 0.15729920705028513 },
        { 1.1, 0.11979493042591827 },
        { 1.7, 0.01620954140922544 },
        { 2, 0.004677734981047266 },
        { 2.3, 0.0011431765973566525 },
        { 2.4, 0.0006885138966450789 },
        { 2.5, 0.0004069520174449589 },
        { 3, 2.209049699858544e-05 },
        { 5, 1.537459794428035e-12 },
        { 10, 2.088487583762545e-45 },
        { 15, 7.212994172451207e-100 },
        { 20, 5.395865611607901e-176 },
        { 23.1, 4.400769320192312e-234 },
        { 25.6, 5.29203523911721e-287 },
        { 26, 5.663192408856143e-296 },
        { -1, 1.8427007929497148 },
        { -3, 1.9999779095030015 },
    };

    public static TheoryData<double, double> SigmoidCases() => new()
    {
        { 0, 0.5 },
        { 1, 0.7310585786300049 },
        { -1, 0.2689414213699951 },
        { 20, 0.9999999979388464 },
        { -20, 2.0611536181902037e-09 },
        { 37, 0.9999999999999999 },
        { -37, 8.533047625744065e-17 },
        { -40, 4.248354255291589e-18 },
        { -700, 9.85967654375977e-305 },
    };

    public static TheoryData<double, double> SoftplusCases() => new()
    {
        { 0, 0.6931471805599453 },
        { 1, 1.3132616875182228 },
        { -1, 0.3132616875182228 },
        { 20, 20.000000002061153 },
        { -20, 2.061153620314381e-09 },
        { -40, 4.248354255291589e-18 },
        { 40, 40.0 },
        { -700, 9.85967654375977e-305 },
    };

    [Theory]
    [MemberData(nameof(Log1PCases))]
    public void Log1P_KnownArgument_MatchesOracle(double x, double expected) =>
        AssertRelative(expected, SpecialFunctions.Log1P(x), $"log1p({x:R})");

    [Theory]
    [MemberData(nameof(ExpM1Cases))]
    public void ExpM1_KnownArgument_MatchesOracle(double x, double expected) =>
        AssertRelative(expected, SpecialFunctions.ExpM1(x), $"expm1({x:R})");

    [Theory]
    [MemberData(nameof(ErfcCases))]
    public void Erfc_KnownArgument_MatchesOracle(double x, double expected) =>
        AssertRelative(expected, SpecialFunctions.Erfc(x), $"erfc({x:R})");

    [Theory]
    [MemberData(nameof(SigmoidCases))]
    public void Sigmoid_KnownArgument_MatchesOracle(double x, double expected) =>
        AssertRelative(expected, SpecialFunctions.Sigmoid(x), $"sigmoid({x:R})");

    [Theory]
    [MemberData(nameof(SoftplusCases))]
    public void Softplus_KnownArgument_MatchesOracle(double x, double expected) =>
        AssertRelative(expected, SpecialFunctions.Softplus(x), $"softplus({x:R})");

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.0)]
    [InlineData(-4.0)]
    [InlineData(30.0)]
    public void Erf_AnyArgument_IsOneMinusErfc(double x)
    {
        // erf(x) + erfc(x) = 1; where erf is near ±1 its absolute rounding is half an ulp of 1.
        Assert.Equal(1.0, SpecialFunctions.Erf(x) + SpecialFunctions.Erfc(x), 4e-16);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.5)]
    [InlineData(1e-5)]
    public void Erf_AnyArgument_IsOdd(double x)
    {
        Assert.Equal(-SpecialFunctions.Erf(x), SpecialFunctions.Erf(-x));
    }

    // Limits the functions reach for the largest finite arguments; none may overflow to ∞ or NaN.
    public static TheoryData<string, double, double> HugeArguments() => new()
    {
        { "log1p", 1e308, 709.1962086421661 },
        { "expm1", -1e308, -1.0 },
        { "sigmoid", 1e308, 1.0 },
        { "sigmoid", -1e308, 0.0 },
        { "sigmoid'", 1e308, 0.0 },
        { "sigmoid'", -1e308, 0.0 },
        { "softplus", 1e308, 1e308 },
        { "softplus", -1e308, 0.0 },
        { "erfc", 1e308, 0.0 },
        { "erfc", -1e308, 2.0 },
        { "erf", 1e308, 1.0 },
        { "erf", -1e308, -1.0 },
    };

    [Theory]
    [MemberData(nameof(HugeArguments))]
    public void Function_HugeArgument_IsFiniteLimit(string function, double x, double expected)
    {
        double value = function switch
        {
            "log1p" => SpecialFunctions.Log1P(x),
            "expm1" => SpecialFunctions.ExpM1(x),
            "sigmoid" => SpecialFunctions.Sigmoid(x),
            "sigmoid'" => SpecialFunctions.SigmoidDerivative(x),
            "softplus" => SpecialFunctions.Softplus(x),
            "erfc" => SpecialFunctions.Erfc(x),
            "erf" => SpecialFunctions.Erf(x),
            _ => throw new ArgumentException(function),
        };

        Assert.True(double.IsFinite(value), $"{function}({x:R}) = {value:R}");
        Assert.Equal(expected, value, RelativeTolerance * Math.Abs(expected));
    }

    [Fact]
    public void ExpM1_LargeEnoughToOverflow_IsPositiveInfinity()
    {
        // e^710 > double.MaxValue: overflowing is the right answer, NaN would not be.
        Assert.Equal(double.PositiveInfinity, SpecialFunctions.ExpM1(710));
    }

    [Fact]
    public void Log1P_MinusOne_IsNegativeInfinity()
    {
        Assert.Equal(double.NegativeInfinity, SpecialFunctions.Log1P(-1.0));
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(25.0)]
    public void SigmoidDerivative_AnyArgument_IsSigmaTimesOneMinusSigma(double z)
    {
        // σ′ = σ(z)·σ(−z); both factors are accurate in the tails, so the product is too.
        double expected = SpecialFunctions.Sigmoid(z) * SpecialFunctions.Sigmoid(-z);
        AssertRelative(expected, SpecialFunctions.SigmoidDerivative(z), $"sigmoid'({z})");
    }
}
