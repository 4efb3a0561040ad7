using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class DenseHessianTests
{
    private const double UnitRoundoff = 1.1102230246251565e-16;

    [Theory]
    [InlineData("tanh", "2,16,16,1", 1.0)]
    [InlineData("relu", "3,5,4,1", 2.0)]
    [InlineData("gelu", "2,8,8,8,8,8,8,1", 1.0)]
    [InlineData("softsign", "2,3,1", 0.5)]
    public void Compute_RealNetworks_IsSymmetricToRounding(string activation, string arch, double scale)
    {
        var architecture = Architecture.Parse(arch);
        var model = Mlp.Init(architecture, ActivationRegistry.Get(activation), InitScheme.Xavier, scale, 8);
        var h = DenseHessian.Compute(model, GradientGateTests.SmallData(architecture.Inputs, 8));

        // Rounding level: a few hundred ulps of the largest entry (the bound the code enforces is 2^20 ulps).
        Assert.True(h.Asymmetry <= 1024 * UnitRoundoff * h.MaxAbs, $"asymmetry {h.Asymmetry:G3}, max |H| {h.MaxAbs:G3}");
        for (int i = 0; i < h.Size; i++)
            for (int j = 0; j < h.Size; j++) Assert.Equal(h[i, j], h[j, i]);
    }

    [Fact]
    public void Compute_HandNetwork_IsTheHandComputedHessian()
    {
        var h = DenseHessian.Compute(HessianVectorProductTests.HandNetwork(), HessianVectorProductTests.HandData);

        Assert.Equal(0.0, h.Asymmetry);
        Assert.Equal(5.0 / 16, h[0, 1]);
        Assert.Equal(-1.0 / 16, h[2, 0]);
        Assert.Equal(5.0 / 16 + 5.0 / 16 + 1.0 / 16 + 1.0 / 4, h.Trace);
    }

    [Fact]
    public void Compute_EveryColumn_IsTheProductWithThatBasisVector()
    {
        var arch = Architecture.Parse("2,3,1");
        var model = Mlp.Init(arch, Activation<Silu>.Instance, InitScheme.Xavier, 1.0, 1);
        var data = GradientGateTests.SmallData(2, 1);
        var h = DenseHessian.Compute(model, data);
        var hvp = new HessianVectorProduct(arch, data.Count);
        hvp.Prepare(model, data);
        var v = new double[h.Size];
        var hv = new double[h.Size];
        GradFlow.Random.Generator.DefaultRng(2).StandardNormal(v);
        hvp.Apply(v, hv);
        for (int i = 0; i < h.Size; i++)
        {
            double dense = 0;
            for (int j = 0; j < h.Size; j++) dense += h[i, j] * v[j];
            Assert.True(Math.Abs(dense - hv[i]) <= 1e-13 * h.MaxAbs * h.Size, $"row {i}: {dense} vs {hv[i]}");
        }
    }

    [Fact]
    public void Compute_TooLargeModel_IsRefusedNamingTheLimit()
    {
        var model = Mlp.Init(Architecture.Parse("2,64,64,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 1);
        var e = Assert.Throws<ArgumentException>(() => DenseHessian.Compute(model, GradientGateTests.SmallData(2, 1)));
        Assert.Contains(DenseHessian.MaxParameters.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Fact]
    public void Compute_ProductAboveTheLimit_IsRefusedBeforeAnyProduct()
    {
        // Unprepared: a product would throw InvalidOperationException, so the refusal must come first.
        var hvp = new HessianVectorProduct(Architecture.Parse("2,64,64,1"), 12);
        var e = Assert.Throws<ArgumentException>(() => DenseHessian.Compute(hvp));
        Assert.Contains("at most 2048", e.Message);
    }

    [Fact]
    public void Compute_ExactlyTheLimit_IsTaken()
    {
        // [21,89,1]: 22·89 + 90 = 2048 parameters, on one row (a tanh net of Xavier weights: finite and symmetric).
        var model = Mlp.Init(Architecture.Parse("21,89,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 4);
        var x = Enumerable.Range(0, 21).Select(i => 0.1 * i - 1).ToArray();

        var h = DenseHessian.Compute(model, GradFlow.Data.Dataset.Create(x, [1.0], 21));

        Assert.Equal(DenseHessian.MaxParameters, h.Size);
        Assert.True(h.MaxAbs > 0);
    }

    [Fact]
    public void Compute_ProductOverflowsWhileTheLossIsFinite_IsRefusedAsNotFinite()
    {
        // ReLU chain x = 1 → w1 = 1e-300 → w2 = 1e200 → w3 = 1e200: s = 1e100 and the loss (y = 0) is 1e100, finite,
        // but ∂s/∂w1 = w2·w3 = 1e400 overflows, so the column of w1 holds ∞·0 = NaN.
        var layers = new[] { new Layer(1, 1), new Layer(1, 1), new Layer(1, 1) };
        layers[0].Weights[0] = 1e-300;
        layers[1].Weights[0] = 1e200;
        layers[2].Weights[0] = 1e200;
        var model = new Mlp(Activation<Relu>.Instance, layers);
        var data = GradFlow.Data.Dataset.Create([1.0], [0.0], 1);

        var e = Assert.Throws<ArgumentException>(() => DenseHessian.Compute(model, data));

        Assert.Contains("not finite", e.Message);
        Assert.True(double.IsFinite(LossAt(model, data)));
    }

    [Fact]
    public void Compute_ProductWithTheDirectionDroppedFromBackward_IsRefusedAsAsymmetric()
    {
        // Dropping δ·Vᵀ removes the cross terms of consecutive layers from one triangle only, by O(max |H|).
        var arch = Architecture.Parse("2,3,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 2.0, 5);
        var data = GradientGateTests.SmallData(2, 5);
        var hvp = new HessianVectorProduct(arch, data.Count, RPassFault.DropDirectionInBackward);
        hvp.Prepare(model, data);

        var e = Assert.Throws<InvalidOperationException>(() => DenseHessian.Compute(hvp));

        Assert.Contains("not symmetric", e.Message);
    }

    private static double LossAt(Mlp model, GradFlow.Data.Dataset data)
    {
        var hvp = new HessianVectorProduct(model.Architecture, data.Count);
        hvp.Prepare(model, data);
        return hvp.Loss;
    }

    [Fact]
    public void Compute_SaturatedOutputMatchingItsLabels_IsTheZeroMatrix()
    {
        // All weights 0, output bias 1000, every label 1: σ(1000) = 1 and σ′(1000) = e⁻¹⁰⁰⁰ = 0, so ℓ′ = ℓ″ = 0 and H = 0
        // exactly; a zero matrix is symmetric, however small the bound it is held to.
        var arch = Architecture.Parse("2,3,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 1);
        foreach (var layer in model.Layers)
        {
            Array.Clear(layer.Weights);
            Array.Clear(layer.Bias);
        }
        model.Layers[1].Bias[0] = 1000;
        var data = GradFlow.Data.Dataset.Create([0.5, -1, 2, 0.25], [1.0, 1.0], 2);

        var h = DenseHessian.Compute(model, data);

        Assert.All(h.Values, v => Assert.Equal(0.0, v));
        Assert.Equal(0.0, h.Asymmetry);
    }

    [Fact]
    public void Compute_WideTanhNetwork_AcceptsItsRoundingLevelAsymmetry()
    {
        // The two routes to H_ij and H_ji round differently, so a real Hessian is not symmetric to the bit; the check must
        // take that gap (a bound of zero, or one of order ε·u, would refuse every such network).
        var arch = Architecture.Parse("2,16,16,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 8);

        var h = DenseHessian.Compute(model, GradientGateTests.SmallData(2, 8));

        Assert.True(h.Asymmetry > 0, "the test needs a Hessian that is not symmetric to the bit");
        Assert.True(h.Asymmetry <= 1024 * UnitRoundoff * h.MaxAbs, $"asymmetry {h.Asymmetry:G3}, max |H| {h.MaxAbs:G3}");
    }

    [Fact]
    public void Compute_OnlyAnEntryOffRowZeroOverflows_IsRefusedNamingThatEntry()
    {
        // ReLU [1,1,1] at x = 1, y = 0: w1 = 1e200 makes a = 1e200, w2 = 1e-200 brings s back to 1 (a finite loss). With
        // θ = (w1, b1, w2, b2), H[w2,w2] = ℓ″(s)·a² = ℓ″(1)·1e400 overflows, while every other entry is a product in which
        // 1e200 meets 1e-200 (H[w1,w2] = ℓ″·w2·a + ℓ′, H[w1,w1] = ℓ″·w2²): row 0 is finite, the one bad entry is H[2,2].
        var l1 = new Layer(1, 1);
        l1.Weights[0] = 1e200;
        var l2 = new Layer(1, 1);
        l2.Weights[0] = 1e-200;
        var model = new Mlp(Activation<Relu>.Instance, [l1, l2]);
        var data = GradFlow.Data.Dataset.Create([1.0], [0.0], 1);

        var e = Assert.Throws<ArgumentException>(() => DenseHessian.Compute(model, data));

        Assert.Contains("not finite", e.Message);
        Assert.Contains("H[2,2] = Infinity", e.Message);
        Assert.True(double.IsFinite(LossAt(model, data)));
    }

    [Fact]
    public void Compute_LargestEntriesOffRowZero_HoldsTheAsymmetryToTheWholeMatrixsScale()
    {
        // Input feature 0 scaled by 2⁻⁴⁰: every entry of row 0 (W1[0,0]) carries that factor, the rest of H is O(1). The
        // rounding-level asymmetry of the other entries is far above 2²⁰·u·max |row 0|, but within 2²⁰·u·max |H|.
        var arch = Architecture.Parse("2,16,16,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 8);
        var data = GradientGateTests.SmallData(2, 8);
        var x = data.X.ToArray();
        for (int r = 0; r < data.Count; r++) x[2 * r] = Math.ScaleB(x[2 * r], -40);
        var scaled = GradFlow.Data.Dataset.Create(x, data.Y.ToArray(), 2);

        var h = DenseHessian.Compute(model, scaled);

        double rowZero = Enumerable.Range(0, h.Size).Max(j => Math.Abs(h[0, j]));
        Assert.True(h.Asymmetry > (1 << 20) * UnitRoundoff * rowZero, $"the test needs an asymmetry above row 0's bound: {h.Asymmetry:G3} vs max |H[0,·]| {rowZero:G3}");
        Assert.True(h.Asymmetry <= 1024 * UnitRoundoff * h.MaxAbs, $"asymmetry {h.Asymmetry:G3}, max |H| {h.MaxAbs:G3}");
    }

    [Fact]
    public void Compute_BrokenProductOnATinyHessian_IsRefusedByARelativeBound()
    {
        // Output bias 20 and every label 1: ℓ′ = σ(s) − 1 and ℓ″ = σ′(s) are about e⁻²⁰ ≈ 2e-9, so max |H| is of that order and
        // the cross terms the fault drops move entries by the same order: far above 2²⁰·u·max |H| ≈ 1e-10·max |H|.
        var arch = Architecture.Parse("2,3,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 2.0, 5);
        model.Layers[1].Bias[0] = 20;
        var data = GradientGateTests.SmallData(2, 5);
        var labels = Enumerable.Repeat(1.0, data.Count).ToArray();
        var ones = GradFlow.Data.Dataset.Create(data.X.ToArray(), labels, 2);
        var hvp = new HessianVectorProduct(arch, ones.Count, RPassFault.DropDirectionInBackward);
        hvp.Prepare(model, ones);

        var e = Assert.Throws<InvalidOperationException>(() => DenseHessian.Compute(hvp));

        Assert.Contains("not symmetric", e.Message);
        var exact = DenseHessian.Compute(model, ones);
        Assert.True(exact.MaxAbs < 1e-6, $"the test needs a small Hessian: max |H| {exact.MaxAbs:G3}");
    }
}
