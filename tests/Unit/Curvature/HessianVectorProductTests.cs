using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class HessianVectorProductTests
{
    /// <summary>
    /// A [1,1,1] softsign network at x = 1, y = 1 with w1 = 1, b1 = 0, w2 = 2, b2 = −1, worked by hand:
    /// z = 1, a = φ(1) = 1/2, φ′ = 1/4, φ″ = −2/2³ = −1/4; s = 2·(1/2) − 1 = 0, p = 1/2, ℓ″(s) = p(1 − p) = 1/4,
    /// ℓ′(s) = p − y = −1/2. H = ℓ″·∇s∇sᵀ + ℓ′·∇²s with ∇s over (w1, b1, w2, b2) = (w2φ′x, w2φ′, a, 1)
    /// = (1/2, 1/2, 1/2, 1) and ∇²s: [w1,w1] = w2φ″x² = −1/2, [w1,b1] = w2φ″x = −1/2, [b1,b1] = −1/2,
    /// [w1,w2] = φ′x = 1/4, [b1,w2] = φ′ = 1/4, the rest 0. Every number is dyadic, so the product is exact.
    /// </summary>
    private static readonly double[,] HandHessian =
    {
        { 5.0 / 16, 5.0 / 16, -1.0 / 16, 1.0 / 8 },
        { 5.0 / 16, 5.0 / 16, -1.0 / 16, 1.0 / 8 },
        { -1.0 / 16, -1.0 / 16, 1.0 / 16, 1.0 / 8 },
        { 1.0 / 8, 1.0 / 8, 1.0 / 8, 1.0 / 4 },
    };

    internal static Mlp HandNetwork()
    {
        var l1 = new Layer(1, 1);
        l1.Weights[0] = 1.0;
        var l2 = new Layer(1, 1);
        l2.Weights[0] = 2.0;
        l2.Bias[0] = -1.0;
        return new Mlp(Activation<Softsign>.Instance, [l1, l2]);
    }

    internal static readonly Dataset HandData = Dataset.Create([1.0], [1.0], 1);

    [Fact]
    public void Apply_HandComputedOneOneOneNetwork_GivesEveryColumnExactly()
    {
        var hvp = new HessianVectorProduct(Architecture.Parse("1,1,1"), 1);
        hvp.Prepare(HandNetwork(), HandData);
        var e = new double[4];
        var column = new double[4];
        for (int j = 0; j < 4; j++)
        {
            Array.Clear(e);
            e[j] = 1;
            hvp.Apply(e, column);
            for (int i = 0; i < 4; i++) Assert.Equal(HandHessian[i, j], column[i]);
        }
        Assert.Equal(Math.Log(2), hvp.Loss, 15);
    }

    [Fact]
    public void Apply_AfterWarmUp_AllocatesNothing()
    {
        var arch = Architecture.Parse("2,16,16,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);
        var data = GradientGateTests.SmallData(2, 3);
        var hvp = new HessianVectorProduct(arch, data.Count);
        var v = new double[hvp.ParameterCount];
        var hv = new double[hvp.ParameterCount];
        v[7] = 1;
        hvp.Prepare(model, data);
        hvp.Apply(v, hv);
        long before = GC.GetAllocatedBytesForCurrentThread();
        hvp.Prepare(model, data);
        for (int i = 0; i < 10; i++) hvp.Apply(v, hv);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Apply_IsLinearInTheDirection()
    {
        var arch = Architecture.Parse("3,5,4,1");
        var model = Mlp.Init(arch, Activation<Gelu>.Instance, InitScheme.Xavier, 1.0, 4);
        var data = GradientGateTests.SmallData(3, 4);
        var hvp = new HessianVectorProduct(arch, data.Count);
        hvp.Prepare(model, data);
        int p = hvp.ParameterCount;
        var rng = GradFlow.Random.Generator.DefaultRng(9);
        double[] u = new double[p], w = new double[p], sum = new double[p], hu = new double[p], hw = new double[p], hs = new double[p];
        rng.StandardNormal(u);
        rng.StandardNormal(w);
        for (int i = 0; i < p; i++) sum[i] = 2 * u[i] - w[i];
        hvp.Apply(u, hu);
        hvp.Apply(w, hw);
        hvp.Apply(sum, hs);
        double scale = hu.Concat(hw).Max(Math.Abs);
        for (int i = 0; i < p; i++) Assert.True(Math.Abs(hs[i] - (2 * hu[i] - hw[i])) <= 1e-13 * scale, $"entry {i}");
    }

    [Fact]
    public void Gradient_EqualsTheGradientChecksAnalyticalGradient()
    {
        var arch = Architecture.Parse("2,3,1");
        var model = Mlp.Init(arch, Activation<Arctan>.Instance, InitScheme.Xavier, 1.0, 2);
        var data = GradientGateTests.SmallData(2, 2);
        var hvp = new HessianVectorProduct(arch, data.Count);
        hvp.Prepare(model, data);
        var g = new double[hvp.ParameterCount];
        hvp.Gradient(g);
        var expected = GradFlow.Verification.LossGradient.Compute(model, data).Layers.SelectMany(l => l.Weights.Concat(l.Bias)).ToArray();
        Assert.Equal(expected, g);
    }

    [Fact]
    public void Apply_BeforePrepare_Throws()
    {
        var hvp = new HessianVectorProduct(Architecture.Parse("2,1"), 4);
        Assert.Throws<InvalidOperationException>(() => hvp.Apply(new double[3], new double[3]));
    }

    [Fact]
    public void Shape_ThreeLayerNetwork_IsTheLayoutsAndTheBatchs()
    {
        var arch = Architecture.Parse("3,4,2,1");
        var hvp = new HessianVectorProduct(arch, 7);

        Assert.Equal(29, hvp.ParameterCount);
        Assert.Equal(7, hvp.BatchSize);
        Assert.Same(arch, hvp.Architecture);
        Assert.True(double.IsNaN(hvp.Loss));
    }

    [Fact]
    public void Prepare_DatasetOfAnotherSize_Throws()
    {
        var hvp = new HessianVectorProduct(Architecture.Parse("1,1,1"), 2);
        var e = Assert.Throws<ArgumentException>(() => hvp.Prepare(HandNetwork(), HandData));
        Assert.Contains("1 rows for a product over a batch of 2", e.Message);
    }

    [Fact]
    public void Gradient_BeforePrepareOrOfTheWrongLength_Throws()
    {
        var hvp = new HessianVectorProduct(Architecture.Parse("1,1,1"), 1);
        Assert.Contains("Prepare the product at a model's parameters", Assert.Throws<InvalidOperationException>(() => hvp.Gradient(new double[4])).Message);
        hvp.Prepare(HandNetwork(), HandData);
        Assert.Contains("a gradient of 5 values for 4 parameters", Assert.Throws<ArgumentException>(() => hvp.Gradient(new double[5])).Message);
        Assert.Throws<ArgumentException>(() => hvp.Gradient(new double[3]));
    }

    [Fact]
    public void Apply_DirectionOrResultOfTheWrongLength_Throws()
    {
        var hvp = new HessianVectorProduct(Architecture.Parse("1,1,1"), 1);
        hvp.Prepare(HandNetwork(), HandData);
        Assert.Contains("v has 3 and hv 4 values; the model has 4 parameters", Assert.Throws<ArgumentException>(() => hvp.Apply(new double[3], new double[4])).Message);
        Assert.Throws<ArgumentException>(() => hvp.Apply(new double[4], new double[5]));
    }
}
