using GradFlow.Activations;

namespace GradFlow.Tests.Properties.Activations;

// One contract per activation in ActivationRegistry. The saturation thresholds are solved by hand, or
// (gelu, silu) with mpmath at 40 digits: the roots of |φ′(z)| = 0.05 on z < 0.

[Trait("Category", "Property")]
public sealed class ReluContract : ActivationContract<Relu>
{
    protected override bool ExpectedInLimit(double z) => z <= 0;
    protected override double[] LimitThresholds => [0.0];
    protected override double LimitMargin => 0; // an exact comparison: 0 and −0 themselves must be in the limit
}

[Trait("Category", "Property")]
public sealed class TanhContract : ActivationContract<Tanh>
{
    // |tanh z| > 0.95 ⇔ |z| > atanh 0.95 = ½·ln(1.95/0.05) = ½·ln 39.
    private static readonly double Threshold = 0.5 * Math.Log(39);
    protected override bool ExpectedInLimit(double z) => Math.Abs(z) > Threshold;
    protected override double[] LimitThresholds => [-Threshold, Threshold];
}

[Trait("Category", "Property")]
public sealed class ArctanContract : ActivationContract<Arctan>
{
    // |atan z| > 0.95·π/2 ⇔ |z| > tan(0.475π) = cot(0.025π) = 12.706204736174705.
    private const double Threshold = 12.706204736174705;
    protected override bool ExpectedInLimit(double z) => Math.Abs(z) > Threshold;
    protected override double[] LimitThresholds => [-Threshold, Threshold];
}

[Trait("Category", "Property")]
public sealed class SoftsignContract : ActivationContract<Softsign>
{
    // |z|/(1 + |z|) > 0.95 ⇔ |z| > 19.
    protected override bool ExpectedInLimit(double z) => Math.Abs(z) > 19;
    protected override double[] LimitThresholds => [-19.0, 19.0];
}

[Trait("Category", "Property")]
public sealed class SigmoidContract : ActivationContract<Sigmoid>
{
    // σ(z) < 0.05 or > 0.95 ⇔ |z| > ln 19.
    private static readonly double Threshold = Math.Log(19);
    protected override bool ExpectedInLimit(double z) => Math.Abs(z) > Threshold;
    protected override double[] LimitThresholds => [-Threshold, Threshold];
}

[Trait("Category", "Property")]
public sealed class LeakyReluContract : ActivationContract<LeakyRelu>
{
    protected override bool ExpectedInLimit(double z) => z <= 0;
    protected override double[] LimitThresholds => [0.0];
    protected override double LimitMargin => 0; // an exact comparison: 0 and −0 themselves must be in the limit
}

[Trait("Category", "Property")]
public sealed class EluContract : ActivationContract<Elu>
{
    // Within 5 % of the bound −1: e^z < 0.05 ⇔ z < ln 0.05 = −ln 20.
    private static readonly double Threshold = -Math.Log(20);
    protected override bool ExpectedInLimit(double z) => z < Threshold;
    protected override double[] LimitThresholds => [Threshold];
}

[Trait("Category", "Property")]
public sealed class GeluContract : ActivationContract<Gelu>
{
    // gelu′ = Φ(z) + z·φ(z) dips to −0.1289 at z = −√2 and crosses 0 at −0.7518, so |gelu′| < 0.05 on
    // z < 0 holds on two pieces: the far tail and a window around the minimum of gelu.
    private const double Tail = -2.348606332179378, WindowLow = -0.8832333478456809, WindowHigh = -0.6459181235305194;
    protected override bool ExpectedInLimit(double z) => z < Tail || (WindowLow < z && z < WindowHigh);
    protected override double[] LimitThresholds => [Tail, WindowLow, WindowHigh];
}

[Trait("Category", "Property")]
public sealed class SiluContract : ActivationContract<Silu>
{
    // silu′ = σ(z)(1 + z(1 − σ(z))) dips to −0.0998 at z = −2.3994 and crosses 0 at −1.2785.
    private const double Tail = -4.082559352337184, WindowLow = -1.558559494671482, WindowHigh = -1.0768586173680776;
    protected override bool ExpectedInLimit(double z) => z < Tail || (WindowLow < z && z < WindowHigh);
    protected override double[] LimitThresholds => [Tail, WindowLow, WindowHigh];
}

[Trait("Category", "Property")]
public sealed class SoftplusContract : ActivationContract<Softplus>
{
    // slope σ(z) < 0.05 ⇔ z < −ln 19.
    private static readonly double Threshold = -Math.Log(19);
    protected override bool ExpectedInLimit(double z) => z < Threshold;
    protected override double[] LimitThresholds => [Threshold];
}
