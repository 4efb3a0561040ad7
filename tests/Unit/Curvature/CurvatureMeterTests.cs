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

    [Fact]
    public void Measure_ExactTraceLimitAtTheParameterCount_IsExactAndOneBelowEstimates()
    {
        var arch = Architecture.Parse("2,3,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);
        var data = GradientGateTests.SmallData(2, 3);
        int p = model.ParameterCount;

        var exact = new CurvatureMeter(arch, data.Count, new CurvatureOptions(ExactTraceMaxParameters: p));
        var estimated = new CurvatureMeter(arch, data.Count, new CurvatureOptions(ExactTraceMaxParameters: p - 1));

        Assert.Equal(p, exact.ParameterCount);
        Assert.False(exact.Measure(model, data.X, data.Y, 1).TraceIsEstimate);
        Assert.True(estimated.Measure(model, data.X, data.Y, 1).TraceIsEstimate);
    }

    [Fact]
    public void Measure_Extremes_AreTheLanczosRunOfTheSeedWithTheOptionsBudget()
    {
        // The measurement's λ_max, λ_min, residuals and steps are one Lanczos run from the seed, to the bit.
        var arch = Architecture.Parse("2,5,1");
        var model = Mlp.Init(arch, Activation<Softsign>.Instance, InitScheme.Xavier, 1.5, 4);
        var data = GradientGateTests.SmallData(2, 4);
        var options = new CurvatureOptions(LanczosSteps: 6, LanczosTolerance: 1e-3, HutchinsonProbes: 3);
        var hvp = new HessianVectorProduct(arch, data.Count);
        hvp.Prepare(model, data);

        var m = new CurvatureMeter(arch, data.Count, options).Measure(model, data.X, data.Y, 12);
        var run = new Lanczos(hvp.ParameterCount, 6).Run(hvp.Apply, 12, 1e-3);
        var trace = new HutchinsonTrace(hvp.ParameterCount).Estimate(hvp.Apply, 3, 13);

        Assert.Equal(hvp.Loss, m.Loss);
        Assert.Equal((run.Max, run.Min, run.MaxResidual, run.MinResidual, run.Steps), (m.LambdaMax, m.LambdaMin, m.MaxResidual, m.MinResidual, m.LanczosSteps));
        Assert.Equal((trace.Mean, trace.StandardError), (m.Trace, m.TraceStandardError));
        Assert.True(m.MaxResidual != m.MinResidual);
    }
}
