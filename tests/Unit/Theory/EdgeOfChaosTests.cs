using GradFlow.Activations;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>EdgeOfChaos.Curve: its q* grid, the points it leaves out, and its arguments.</summary>
public sealed class EdgeOfChaosTests
{
    [Fact]
    public void Curve_Grid_RunsFromQMinToQMaxEvenlyInLog()
    {
        var curve = EdgeOfChaos.Curve(Activation<Identity>.Instance, points: 5, qMin: 0.01, qMax: 100);
        // Identity: σ_w² = 1, σ_b² = q − q = 0 at every q* (to rounding, whose square root is ~1e-8·√q).
        Assert.Equal([0.01, 0.1, 1.0, 10.0, 100.0], curve.Select(p => p.QStar), new Tolerance(1e-13));
        Assert.All(curve, p => Assert.True(Math.Abs(p.SigmaW - 1) <= 1e-15 && p.SigmaB <= 1e-7 * Math.Sqrt(p.QStar), $"({p.SigmaW:R}, {p.SigmaB:R})"));
        Assert.Equal(2, EdgeOfChaos.Curve(Activation<Identity>.Instance, points: 2).Count);
    }

    [Fact]
    public void Curve_NegativeBiasVarianceEverywhere_IsEmpty() =>
        Assert.Empty(EdgeOfChaos.Curve(Activation<Affine>.Instance, points: 6));

    [Fact]
    public void Curve_BadArguments_Throw()
    {
        var relu = ActivationRegistry.Get("relu");
        Assert.Contains("at least 2 points", Assert.Throws<ArgumentOutOfRangeException>(() => EdgeOfChaos.Curve(relu, points: 1)).Message);
        foreach (var (lo, hi) in new[] { (0.0, 1.0), (-1.0, 1.0), (2.0, 2.0), (3.0, 2.0), (1.0, double.PositiveInfinity), (double.NaN, 1.0) })
            Assert.Contains("need 0 < qMin < qMax < ∞", Assert.Throws<ArgumentOutOfRangeException>(() => EdgeOfChaos.Curve(relu, 4, lo, hi)).Message);
    }

    private sealed class Tolerance(double rel) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= rel * Math.Abs(b);
        public int GetHashCode(double x) => 0;
    }
}
