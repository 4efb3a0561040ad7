using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Model;

/// <summary>
/// Backpropagation (forward and backward pass, as <see cref="AnalyticalGradient"/> runs them) against gradients derived on paper. Notation: m rows, logit s, p = σ(s) = 1/(1+e^−s),
/// L = (1/m) Σ_r ℓ(s_r, y_r) with ℓ(s, y) = −[y log p + (1−y) log(1−p)], so dℓ/ds = p − y and
/// ∂L/∂s_r = (p_r − y_r)/m. The expected values below are those formulas evaluated with plain Math.
/// </summary>
[Trait("Category", "GradientCheck")]
public sealed class BatchPassHandComputedTests
{
    // Backprop sums in another order (and with fused multiply-adds): a few ulps apart from the paper's order.
    private const double RelativeTolerance = 1e-14;

    private static double Sigma(double s) => 1.0 / (1.0 + Math.Exp(-s));

    private static void AssertClose(double expected, double actual, string what)
    {
        double tolerance = RelativeTolerance * Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>
    /// [2,1], no hidden layer (logistic regression), rows x1 = (1, 2) with y = 1 and x2 = (−3, 0.5) with y = 0,
    /// W = (0.25, −0.5)ᵀ, b = 0.1:
    ///   s1 = 0.25·1 − 0.5·2 + 0.1 = −0.65,   s2 = 0.25·(−3) − 0.5·0.5 + 0.1 = −0.9
    ///   ∂L/∂s_r = (p_r − y_r)/2,  ∂L/∂W[k] = Σ_r x_r[k]·∂L/∂s_r,  ∂L/∂b = Σ_r ∂L/∂s_r.
    /// </summary>
    [Fact]
    public void Backward_LogisticRegressionTwoRows_MatchesHandDerivedGradient()
    {
        var model = HandBuilt.Network(Activation<Tanh>.Instance, HandBuilt.Layer(2, 1, [0.25, -0.5], [0.1]));
        var rows = Dataset.Create([1.0, 2.0, -3.0, 0.5], [1.0, 0.0], 2);

        var grad = LossGradient.Compute(model, rows).Layers;

        double d1 = (Sigma(-0.65) - 1.0) / 2, d2 = (Sigma(-0.9) - 0.0) / 2;
        AssertClose(1.0 * d1 + -3.0 * d2, grad[0].Weights[0], "dL/dW[0]");
        AssertClose(2.0 * d1 + 0.5 * d2, grad[0].Weights[1], "dL/dW[1]");
        AssertClose(d1 + d2, grad[0].Bias[0], "dL/db");
    }

    /// <summary>
    /// [1,1,1] relu: w1 = 0.5, b1 = −0.25, w2 = 2, b2 = −1; rows x = 2 (y = 1) and x = −1 (y = 0).
    ///   row 1: z = 0.75 > 0, h = 0.75, s = 2·0.75 − 1 = 0.5,  δs1 = (σ(0.5) − 1)/2
    ///   row 2: z = −0.75 ≤ 0, h = 0 (relu′ = 0), s = −1,       δs2 = (σ(−1) − 0)/2
    ///   ∂L/∂w2 = 0.75·δs1 + 0·δs2,  ∂L/∂b2 = δs1 + δs2
    ///   ∂L/∂z = δs·w2·relu′(z): row 1 2·δs1, row 2 0
    ///   ∂L/∂w1 = x·∂L/∂z = 2·2·δs1 = 4·δs1,  ∂L/∂b1 = 2·δs1
    ///   L = (ℓ(0.5, 1) + ℓ(−1, 0))/2 = (log(1 + e^−0.5) + log(1 + e^−1))/2.
    /// </summary>
    [Fact]
    public void Backward_ReluChainWithOneDeadRow_MatchesHandDerivedGradient()
    {
        var model = HandBuilt.Network(Activation<Relu>.Instance, HandBuilt.Layer(1, 1, [0.5], [-0.25]), HandBuilt.Layer(1, 1, [2.0], [-1.0]));
        var rows = Dataset.Create([2.0, -1.0], [1.0, 0.0], 1);

        var grad = LossGradient.Compute(model, rows).Layers;

        double ds1 = (Sigma(0.5) - 1.0) / 2, ds2 = Sigma(-1.0) / 2;
        AssertClose(4 * ds1, grad[0].Weights[0], "dL/dw1");
        AssertClose(2 * ds1, grad[0].Bias[0], "dL/db1");
        AssertClose(0.75 * ds1, grad[1].Weights[0], "dL/dw2");
        AssertClose(ds1 + ds2, grad[1].Bias[0], "dL/db2");
    }

    [Fact]
    public void Loss_ReluChainWithOneDeadRow_MatchesHandDerivedValue()
    {
        var model = HandBuilt.Network(Activation<Relu>.Instance, HandBuilt.Layer(1, 1, [0.5], [-0.25]), HandBuilt.Layer(1, 1, [2.0], [-1.0]));
        double[] x = [2.0, -1.0];
        var pass = new BatchPass(model.Architecture, 2);

        pass.Forward(model, x);

        AssertClose((Math.Log(1 + Math.Exp(-0.5)) + Math.Log(1 + Math.Exp(-1.0))) / 2, pass.Loss([1.0, 0.0]), "L");
    }

    /// <summary>
    /// [2,2,1] tanh, two rows. With W1 (2×2, rows over inputs), b1, w2 (2×1), b2:
    ///   z[r,j] = x[r,0]·W1[0,j] + x[r,1]·W1[1,j] + b1[j],  h = tanh z,  s_r = h[r,0]·w2[0] + h[r,1]·w2[1] + b2
    ///   δs_r = (σ(s_r) − y_r)/2
    ///   ∂L/∂w2[j] = Σ_r h[r,j]·δs_r,                 ∂L/∂b2 = Σ_r δs_r
    ///   δz[r,j] = δs_r·w2[j]·(1 − tanh² z[r,j])       (tanh′ = 1 − tanh²)
    ///   ∂L/∂W1[k,j] = Σ_r x[r,k]·δz[r,j],             ∂L/∂b1[j] = Σ_r δz[r,j]
    /// </summary>
    [Fact]
    public void Backward_TanhTwoByTwoTwoRows_MatchesHandDerivedGradient()
    {
        double[] w1 = [0.3, -0.2, 0.1, 0.4], b1 = [0.05, -0.1], w2 = [0.7, -0.5];
        const double b2 = 0.2;
        var rows = Dataset.Create([0.5, -1.0, -0.25, 0.75], [1.0, 0.0], 2);
        var model = HandBuilt.Network(Activation<Tanh>.Instance, HandBuilt.Layer(2, 2, w1, b1), HandBuilt.Layer(2, 1, w2, [b2]));

        var grad = LossGradient.Compute(model, rows).Layers;

        // Row r = 0: x = (0.5, −1); row r = 1: x = (−0.25, 0.75).
        double z00 = 0.5 * 0.3 + -1.0 * 0.1 + 0.05, z01 = 0.5 * -0.2 + -1.0 * 0.4 + -0.1;
        double z10 = -0.25 * 0.3 + 0.75 * 0.1 + 0.05, z11 = -0.25 * -0.2 + 0.75 * 0.4 + -0.1;
        double h00 = Math.Tanh(z00), h01 = Math.Tanh(z01), h10 = Math.Tanh(z10), h11 = Math.Tanh(z11);
        double ds0 = (Sigma(h00 * 0.7 + h01 * -0.5 + b2) - 1.0) / 2;
        double ds1 = (Sigma(h10 * 0.7 + h11 * -0.5 + b2) - 0.0) / 2;
        double dz00 = ds0 * 0.7 * (1 - h00 * h00), dz01 = ds0 * -0.5 * (1 - h01 * h01);
        double dz10 = ds1 * 0.7 * (1 - h10 * h10), dz11 = ds1 * -0.5 * (1 - h11 * h11);

        AssertClose(h00 * ds0 + h10 * ds1, grad[1].Weights[0], "dL/dw2[0]");
        AssertClose(h01 * ds0 + h11 * ds1, grad[1].Weights[1], "dL/dw2[1]");
        AssertClose(ds0 + ds1, grad[1].Bias[0], "dL/db2");
        AssertClose(0.5 * dz00 + -0.25 * dz10, grad[0].Weights[0], "dL/dW1[0,0]");
        AssertClose(0.5 * dz01 + -0.25 * dz11, grad[0].Weights[1], "dL/dW1[0,1]");
        AssertClose(-1.0 * dz00 + 0.75 * dz10, grad[0].Weights[2], "dL/dW1[1,0]");
        AssertClose(-1.0 * dz01 + 0.75 * dz11, grad[0].Weights[3], "dL/dW1[1,1]");
        AssertClose(dz00 + dz10, grad[0].Bias[0], "dL/db1[0]");
        AssertClose(dz01 + dz11, grad[0].Bias[1], "dL/db1[1]");
    }
}
