using GradFlow.Activations;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>
/// <see cref="MeanFieldActivation.Moments"/> is the pair (E[φ(√q z)²], E[φ′(√q z)²]) from one pass: checked
/// against the 40-digit mpmath references, and bit for bit against the two integrals taken one at a time
/// (the mean-field maps' numbers must not move when they take the shared pass).
/// </summary>
public sealed class MeanFieldActivationTests
{
    [Theory]
    [MemberData(nameof(GaussianExpectationTests.OracleCases), MemberType = typeof(GaussianExpectationTests))]
    public void Moments_EveryActivationAndQ_MatchesMpmathTo1e12(string activation, double q)
    {
        var row = ExpectationOracle.Rows.Single(r => r.Activation == activation && r.Q == q);
        var (phi2, dphi2) = new MeanFieldActivation(ActivationRegistry.Get(activation)).Moments(q);
        Assert.True(Math.Abs(phi2 - row.Phi2) <= 1e-12 * Math.Abs(row.Phi2), $"E[φ²] {phi2:R} vs {row.Phi2:R}");
        Assert.True(Math.Abs(dphi2 - row.Dphi2) <= 1e-12 * Math.Abs(row.Dphi2), $"E[φ′²] {dphi2:R} vs {row.Dphi2:R}");
    }

    [Theory]
    [MemberData(nameof(GradFlow.Tests.Unit.Activations.VectorActivationTests.AllActivations), MemberType = typeof(GradFlow.Tests.Unit.Activations.VectorActivationTests))]
    public void Moments_AnyQ_TheSameBitsAsEachIntegralAlone(string activation)
    {
        var phi = new MeanFieldActivation(ActivationRegistry.Get(activation));
        // 0 and the tiny variances take the integrals one at a time (SlopeSecondMoment's floor differs from q there);
        // 1e8 and 1e200 have more graded cuts than the shared pass keeps on the stack.
        foreach (double q in new[] { 0, 1e-300, 1e-280, 1e-30, 1e-6, 0.01, 0.3, 1, 2.5, 7, 40, 1e3, 1e8, 1e20, 1e200 })
        {
            var (secondMoment, slopeSecondMoment) = phi.Moments(q);
            Assert.Equal(BitConverter.DoubleToInt64Bits(phi.SecondMoment(q)), BitConverter.DoubleToInt64Bits(secondMoment));
            Assert.Equal(BitConverter.DoubleToInt64Bits(phi.SlopeSecondMoment(q)), BitConverter.DoubleToInt64Bits(slopeSecondMoment));
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Moments_NotAVariance_Throws(double q)
    {
        var phi = new MeanFieldActivation(ActivationRegistry.Get("tanh"));
        Assert.Throws<ArgumentOutOfRangeException>(() => phi.Moments(q));
    }
}
