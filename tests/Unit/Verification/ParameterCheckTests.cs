using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

public sealed class ParameterCheckTests
{
    private static readonly GradientCheckOptions Options = new(Atol: 0.5, Rtol: 0.0);

    [Fact]
    public void RelativeError_NonZeroNumeric_IsTheErrorOverTheNumericMagnitude() =>
        Assert.Equal(0.5, new ParameterCheck(ParameterId.Bias(1, 0), -3.0, -2.0, false).RelativeError);

    [Fact]
    public void RelativeError_ZeroNumeric_DividesByEpsilonInsteadOfZero() =>
        Assert.Equal(1e-300 / double.Epsilon, new ParameterCheck(ParameterId.Bias(1, 0), 1e-300, 0.0, false).RelativeError);

    [Fact]
    public void Excess_FiniteError_IsTheErrorInUnitsOfTheTolerance() =>
        Assert.Equal(3.0, new ParameterCheck(ParameterId.Bias(1, 0), 2.0, 0.5, false).Excess(Options));

    [Fact]
    public void Excess_NaNSide_IsInfinite() =>
        Assert.Equal(double.PositiveInfinity, new ParameterCheck(ParameterId.Bias(1, 0), double.NaN, 0.5, false).Excess(Options));
}
