using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>NetworkTheory with biases, several rows, its layers' numbering, σ_w² of the hidden layers, and bad input.</summary>
public sealed class NetworkTheoryBiasTests
{
    private static readonly Activation IdentityPhi = Activation<Identity>.Instance;

    private static double Xavier(int fanIn, int fanOut, double scale) => scale * scale * 2.0 / (fanIn + fanOut);

    [Fact]
    public void PredictRows_IdentityWithBias_AddsSigmaBSquaredAtEveryLayer()
    {
        // q¹ = std₁²‖x‖² + σ_b², q² = N₁std₂²q¹ + σ_b², output q = N₂std₃²q² + σ_b²; two rows average.
        var arch = new Architecture([2, 4, 3, 1]);
        const double sb = 0.3, scale = 1.2;
        double v1 = Xavier(2, 4, scale), v2 = Xavier(4, 3, scale), v3 = Xavier(3, 1, scale);
        double Q1(double x2) => v1 * x2 + sb * sb;
        double Q2(double x2) => 4 * v2 * Q1(x2) + sb * sb;
        double Out(double x2) => 3 * v3 * Q2(x2) + sb * sb;
        var p = NetworkTheory.PredictRows(arch, IdentityPhi, InitScheme.Xavier, scale, [0.5, 2.0], sb);
        Assert.Equal((Q1(0.5) + Q1(2.0)) / 2, p.Layer(1).Q, 1e-14);
        Assert.Equal((Q2(0.5) + Q2(2.0)) / 2, p.Layer(2).Q, 1e-14);
        Assert.Equal((Out(0.5) + Out(2.0)) / 2, p.OutputQ, 1e-14);
        Assert.Equal([1, 2], p.Hidden.Select(l => l.Layer));
        Assert.Equal([(2, 4), (4, 3)], p.Hidden.Select(l => (l.FanIn, l.FanOut)));
        Assert.Equal("identity", p.Activation);
        Assert.Equal(scale, p.Scale);
    }

    [Fact]
    public void HiddenSigmaW2_TheFirstHiddenToHiddenLayerOrTheLastLayer()
    {
        Assert.Equal(16 * Xavier(16, 16, 1.5), NetworkTheory.HiddenSigmaW2(new Architecture([2, 16, 16, 1]), InitScheme.Xavier, 1.5), 1e-15);
        Assert.Equal(8 * Xavier(8, 1, 0.5), NetworkTheory.HiddenSigmaW2(new Architecture([2, 8, 1]), InitScheme.Xavier, 0.5), 1e-15);
        Assert.Equal(2 * Xavier(2, 1, 1.0), NetworkTheory.HiddenSigmaW2(new Architecture([2, 1]), InitScheme.Xavier, 1.0), 1e-15);
        Assert.Equal(2.0, NetworkTheory.HiddenSigmaW2(new Architecture([2, 32, 32, 1]), InitScheme.He, 1.0), 1e-15);
    }

    [Fact]
    public void PredictRows_BadInput_ThrowsNamingIt()
    {
        var arch = new Architecture([2, 4, 1]);
        Assert.Contains("at least one hidden layer", Assert.Throws<ArgumentException>(() => NetworkTheory.Predict(new Architecture([2, 1]), IdentityPhi, InitScheme.Xavier, 1, 1)).Message);
        Assert.Contains("at least one row", Assert.Throws<ArgumentException>(() => NetworkTheory.PredictRows(arch, IdentityPhi, InitScheme.Xavier, 1, [])).Message);
        foreach (double sb in new[] { -0.1, double.NaN, double.PositiveInfinity })
            Assert.Contains("σ_b must be a finite number >= 0", Assert.Throws<ArgumentOutOfRangeException>(() => NetworkTheory.Predict(arch, IdentityPhi, InitScheme.Xavier, 1, 1, sb)).Message);
        var rows = Dataset.Create([1.0, 2.0, 3.0], [0], 3);
        Assert.Contains("the rows have 3 features, the network 2 inputs",
            Assert.Throws<ArgumentException>(() => NetworkTheory.PredictDataAware(arch, IdentityPhi, InitScheme.Xavier, 1, rows)).Message);
    }
}
