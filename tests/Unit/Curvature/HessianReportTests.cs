using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class HessianReportTests
{
    /// <summary>The hand-computed Hessian of <see cref="HessianVectorProductTests.HandNetwork"/> (see there), row-major.</summary>
    private static readonly double[] Hand =
    [
        5.0 / 16, 5.0 / 16, -1.0 / 16, 1.0 / 8,
        5.0 / 16, 5.0 / 16, -1.0 / 16, 1.0 / 8,
        -1.0 / 16, -1.0 / 16, 1.0 / 16, 1.0 / 8,
        1.0 / 8, 1.0 / 8, 1.0 / 8, 1.0 / 4,
    ];

    [Fact]
    public void Compute_HandNetwork_CarriesTheLossHessianSpectrumAndTrace()
    {
        var report = HessianReport.Compute(HessianVectorProductTests.HandNetwork(), HessianVectorProductTests.HandData);

        // ℓ(0) = ln 2 for s = 0; tr H = 5/16 + 5/16 + 1/16 + 1/4; the spectrum is the dense solver's on the hand matrix.
        Assert.Equal(Math.Log(2), report.Loss, 15);
        Assert.Equal(4, report.Parameters);
        Assert.Equal(Hand, report.Hessian.Values);
        Assert.Equal(15.0 / 16, report.Trace);
        Assert.Equal(SymmetricEigen.Decompose(Hand, 4, vectors: false).Values, report.Spectrum.Values);
        Assert.Null(report.Spectrum.Vectors);
    }

    [Fact]
    public void Compute_ModelAboveTheLimit_IsRefusedNamingIt()
    {
        var model = Mlp.Init(Architecture.Parse("2,64,64,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 1);
        var e = Assert.Throws<ArgumentException>(() => HessianReport.Compute(model, HessianVectorProductTests.HandData));
        Assert.Contains("at most 2048", e.Message);
    }

    [Fact]
    public void Compute_NonFiniteLossAtTheLimitsSize_IsRefusedForTheLossNotTheSize()
    {
        // [21,89,1] has 22·89 + 90 = 2048 parameters, the largest the dense path takes; a NaN weight makes the loss NaN.
        var model = Mlp.Init(Architecture.Parse("21,89,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 1);
        Assert.Equal(DenseHessian.MaxParameters, model.ParameterCount);
        model.Layers[1].Weights[0] = double.NaN;
        var data = Dataset.Create(new double[21], [1.0], 21);

        var e = Assert.Throws<ArgumentException>(() => HessianReport.Compute(model, data));

        Assert.Contains("loss is not finite", e.Message);
        Assert.Contains("NaN", e.Message);
    }
}
