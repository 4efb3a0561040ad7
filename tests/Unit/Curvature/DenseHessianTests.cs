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
}
