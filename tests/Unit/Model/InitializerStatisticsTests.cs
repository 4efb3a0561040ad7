using GradFlow.Activations;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

/// <summary>
/// The initial weights of a large layer are a sample of N(0, std²) with std from the scheme's formula.
/// Layer 1 of [400,300,1] holds N = 120 000 weights: the sample std then has relative standard error
/// ≈ 1/√(2N) = 0.20 % and the sample mean a standard error std/√N; both are asserted to five of those.
/// </summary>
public sealed class InitializerStatisticsTests
{
    private const int FanIn = 400, FanOut = 300;
    private static readonly Architecture Large = new([FanIn, FanOut, 1]);

    public static TheoryData<string, double, double> Cases()
    {
        var data = new TheoryData<string, double, double>();
        foreach (double scale in (double[])[0.5, 1.0, 2.0])
        {
            // The formulas, written out: Glorot & Bengio 2010, He et al. 2015, LeCun 1998, the first study.
            data.Add("xavier", scale, scale * Math.Sqrt(2.0 / (FanIn + FanOut)));
            data.Add("he", scale, scale * Math.Sqrt(2.0 / FanIn));
            data.Add("lecun", scale, scale * Math.Sqrt(1.0 / FanIn));
            data.Add("gaussian", scale, 0.1 * scale);
        }
        return data;
    }

    private static (double Mean, double Std) Moments(ReadOnlySpan<double> w)
    {
        double sum = 0;
        foreach (double v in w) sum += v;
        double mean = sum / w.Length;
        double ss = 0;
        foreach (double v in w) ss += (v - mean) * (v - mean);
        return (mean, Math.Sqrt(ss / (w.Length - 1)));
    }

    private static Mlp Init(string scheme, double scale) =>
        Mlp.Init(Large, Activation<Tanh>.Instance, InitSchemes.Parse(scheme), scale, 2024);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Init_LargeLayer_SampleStdMatchesFormula(string scheme, double scale, double expectedStd)
    {
        var (_, std) = Moments(Init(scheme, scale).Layers[0].Weights);

        double n = FanIn * FanOut;
        double tolerance = 5 / Math.Sqrt(2 * n);
        Assert.True(Math.Abs(std / expectedStd - 1) <= tolerance, $"{scheme} × {scale}: sample std {std:R}, formula {expectedStd:R}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Init_LargeLayer_SampleMeanNearZero(string scheme, double scale, double expectedStd)
    {
        var (mean, _) = Moments(Init(scheme, scale).Layers[0].Weights);

        double n = FanIn * FanOut;
        Assert.True(Math.Abs(mean) <= 5 * expectedStd / Math.Sqrt(n), $"{scheme} × {scale}: sample mean {mean:R}");
    }

    [Theory]
    [InlineData("xavier")]
    [InlineData("he")]
    [InlineData("lecun")]
    [InlineData("gaussian")]
    public void Init_AnyScheme_BiasesAreZero(string scheme)
    {
        var model = Mlp.Init(new Architecture([3, 7, 5, 1]), Activation<Relu>.Instance, InitSchemes.Parse(scheme), 2.0, 1);

        Assert.All(model.Layers, layer => Assert.All(layer.Bias, b => Assert.Equal(0.0, b)));
    }

    [Fact]
    public void Init_SecondLayer_UsesItsOwnFanIn()
    {
        // [2,2000,1]: layer 2 is (2000, 1), He std = √(2/2000) ≈ 0.032 (layer 1's fan-in would give 1).
        // 2000 draws: relative std error 1/√4000 ≈ 1.6 %, asserted to five of those.
        var model = Mlp.Init(new Architecture([2, 2000, 1]), Activation<Relu>.Instance, InitScheme.He, 1.0, 5);
        var (_, std) = Moments(model.Layers[1].Weights);

        Assert.InRange(std / Math.Sqrt(2.0 / 2000), 1 - 5 / Math.Sqrt(4000.0), 1 + 5 / Math.Sqrt(4000.0));
    }

    [Fact]
    public void Init_SameSeed_SameWeights()
    {
        var a = Init("xavier", 1.0);
        var b = Init("xavier", 1.0);

        Assert.Equal(a.Layers[0].Weights, b.Layers[0].Weights);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Init_BadScale_ThrowsSayingWhatIsAccepted(double scale)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Init(new Architecture([2, 1]), Activation<Relu>.Instance, InitScheme.He, scale, 0));

        Assert.Contains("finite number > 0", e.Message);
    }
}
