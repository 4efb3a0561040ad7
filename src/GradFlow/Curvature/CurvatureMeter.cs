using System.Numerics;
using GradFlow.Model;

namespace GradFlow.Curvature;

/// <summary>
/// One curvature epoch: H·v prepared at the model's parameters, λ_max and λ_min by <see cref="Lanczos"/>, the
/// trace exactly or by <see cref="HutchinsonTrace"/> (<see cref="CurvatureOptions"/>). Every buffer is sized
/// once; the Lanczos start vector and the probes come from the seed given, so a measurement is reproducible to the bit.
/// </summary>
public sealed class CurvatureMeter
{
    private readonly HessianVectorProduct _hvp;
    private readonly Lanczos _lanczos;
    private readonly HutchinsonTrace _hutchinson;
    private readonly CurvatureOptions _options;
    private readonly Lanczos.SpanAction _apply;
    private readonly double[] _e, _he;

    public CurvatureMeter(Architecture architecture, int batchSize, CurvatureOptions? options = null)
    {
        _options = options ?? CurvatureOptions.Default;
        _hvp = new HessianVectorProduct(architecture, batchSize);
        _lanczos = new Lanczos(_hvp.ParameterCount, _options.LanczosSteps);
        _hutchinson = new HutchinsonTrace(_hvp.ParameterCount);
        _apply = _hvp.Apply;
        _e = new double[_hvp.ParameterCount];
        _he = new double[_hvp.ParameterCount];
    }

    public int ParameterCount => _hvp.ParameterCount;

    public CurvatureMeasurement Measure(Mlp model, ReadOnlySpan<double> x, ReadOnlySpan<double> y, BigInteger seed)
    {
        _hvp.Prepare(model, x, y);
        var extremes = _lanczos.Run(_apply, seed, _options.LanczosTolerance);
        double trace, se = 0;
        bool estimate = _hvp.ParameterCount > _options.ExactTraceMaxParameters;
        if (estimate)
        {
            // A stream apart from the Lanczos start vector's: the probes are independent of it.
            var t = _hutchinson.Estimate(_apply, _options.HutchinsonProbes, seed + 1);
            (trace, se) = (t.Mean, t.StandardError);
        }
        else trace = ExactTrace();
        return new CurvatureMeasurement(_hvp.Loss, extremes.Max, extremes.Min, trace, se, estimate, extremes.MaxResidual, extremes.MinResidual, extremes.Steps);
    }

    // Σ_i (H·e_i)_i, in index order.
    private double ExactTrace()
    {
        double trace = 0;
        for (int i = 0; i < _e.Length; i++)
        {
            _e[i] = 1.0;
            _hvp.Apply(_e, _he);
            _e[i] = 0.0;
            trace += _he[i];
        }
        return trace;
    }
}
