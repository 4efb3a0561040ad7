using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradFlow.Theory;

namespace GradFlow.Tests.Properties.Theory;

/// <summary>On smooth integrands with known expectations, more nodes never do worse until rounding is reached.</summary>
[Trait("Category", "Property")]
public sealed class QuadratureProperties
{
    private const double Floor = 1e-14;

    private static readonly Gen<int> Nodes = Gen.Choose(3, 24);
    private static readonly Gen<double> Frequency = Gen.Choose(10, 300).Select(k => k / 100.0);

    [Property]
    public Property GaussHermite_DoublingTheNodes_ShrinksTheErrorOnCos() =>
        Prop.ForAll(Nodes.ToArbitrary(), Frequency.ToArbitrary(), (n, a) =>
        {
            // E[cos(a z)] = e^{−a²/2}: entire, so the error falls super-geometrically with n.
            double exact = Math.Exp(-a * a / 2);
            double Err(int m) => Math.Abs(GaussHermite.Expectation(GaussHermite.Rule(m), z => Math.Cos(a * z)) - exact);
            double e1 = Err(n), e2 = Err(2 * n);
            return Prop.Label(e2 < e1 || e2 <= Floor, $"n {n}, a {a}: error {e1:E2} then {e2:E2}");
        });

    [Property]
    public Property GaussianExpectation_DoublingTheHalfLineNodes_ShrinksTheErrorOnExp() =>
        Prop.ForAll(Nodes.ToArbitrary(), Frequency.ToArbitrary(), (n, b) =>
        {
            // E[e^{bz}] = e^{b²/2}; each half-line piece is e^{bz}·e^{−z²/2}, smooth up to its end.
            double exact = Math.Exp(b * b / 2);
            double Err(int m) => Math.Abs(new GaussianExpectation(m, 8).Of(z => Math.Exp(b * z), []) - exact) / exact;
            double e1 = Err(n), e2 = Err(2 * n);
            return Prop.Label(e2 < e1 || e2 <= Floor, $"n {n}, b {b}: error {e1:E2} then {e2:E2}");
        });
}
