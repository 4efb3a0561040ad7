using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class CurvatureMeterTests
{
    private static (Mlp Model, GradFlow.Data.Dataset Data, EigenDecomposition Dense, HessianMatrix H) Case(string activation, double scale)
    {
        var arch = Architecture.Parse("2,16,16,1");
        var model = Mlp.Init(arch, ActivationRegistry.Get(activation), InitScheme.Xavier, scale, 31);
        var data = GradientGateTests.SmallData(2, 31);
        var h = DenseHessian.Compute(model, data);
        return (model, data, SymmetricEigen.Decompose(h, vectors: false), h);
    }

    [Theory]
    [InlineData("tanh", 1.0)]
    [InlineData("relu", 2.0)]
    public void Measure_Extremes_LieWithinTheirResidualsOfTheDenseSpectrum(string activation, double scale)
    {
        var (model, data, dense, _) = Case(activation, scale);
        var meter = new CurvatureMeter(model.Architecture, data.Count);

        var m = meter.Measure(model, data.X, data.Y, 5);

        // Ritz values of a symmetric operator lie within their residual of an eigenvalue; extreme ones from the inside.
        double slack = 1e-12 * Math.Max(Math.Abs(dense.Max), Math.Abs(dense.Min));
        Assert.InRange(m.LambdaMax, dense.Max - m.MaxResidual - slack, dense.Max + slack);
        Assert.InRange(m.LambdaMin, dense.Min - slack, dense.Min + m.MinResidual + slack);
        Assert.True(m.MaxResidual <= 1e-3 * Math.Abs(dense.Max), $"λ_max residual {m.MaxResidual}");
    }

    [Fact]
    public void Measure_ExactTraceAllowed_GivesTheDenseTrace()
    {
        var (model, data, _, h) = Case("gelu", 1.0);
        var meter = new CurvatureMeter(model.Architecture, data.Count, new CurvatureOptions(ExactTraceMaxParameters: 1000));

        var m = meter.Measure(model, data.X, data.Y, 5);

        Assert.False(m.TraceIsEstimate);
        Assert.Equal(0.0, m.TraceStandardError);
        Assert.True(Math.Abs(m.Trace - h.Trace) <= 1e-13 * h.Size * h.MaxAbs, $"{m.Trace} vs {h.Trace}");
    }

    [Fact]
    public void Measure_DefaultOptions_NamesTheTraceAnEstimateWithItsError()
    {
        var (model, data, _, h) = Case("tanh", 1.0);
        var m = new CurvatureMeter(model.Architecture, data.Count).Measure(model, data.X, data.Y, 5);

        Assert.True(m.TraceIsEstimate);
        Assert.True(m.TraceStandardError > 0);
        // Ten probes: a 5-SE band is a loose but real check (a wrong estimator misses it by far more).
        Assert.True(Math.Abs(m.Trace - h.Trace) <= 5 * m.TraceStandardError, $"{m.Trace} ± {m.TraceStandardError} vs {h.Trace}");
    }

    [Fact]
    public void Measure_SameSeed_GivesTheSameBits()
    {
        var (model, data, _, _) = Case("softsign", 1.0);
        var a = new CurvatureMeter(model.Architecture, data.Count).Measure(model, data.X, data.Y, 9);
        var b = new CurvatureMeter(model.Architecture, data.Count).Measure(model, data.X, data.Y, 9);
        Assert.Equal(a, b);
    }
}
