using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Curvature;

/// <summary>
/// The gradient at θ + t·v for the HVP check, on a private copy of the model, and whether any probe moved a
/// hidden pre-activation across a kink of φ (the same test as the gradient checker's).
/// </summary>
internal sealed class GradientProbe
{
    private readonly Mlp _model;
    private readonly Dataset _data;
    private readonly BatchPass _pass;
    private readonly ParameterLayout _layout;
    private readonly double[] _theta;
    private readonly double[][] _baseZ;
    private readonly double[] _scale;
    private readonly IReadOnlyList<double> _kinks;

    public GradientProbe(Mlp model, Dataset data)
    {
        _model = model.Clone();
        _data = data;
        _pass = new BatchPass(model.Architecture, data.Count);
        _layout = new ParameterLayout(model.Architecture);
        _theta = new double[_layout.Count];
        _layout.Read(_model, _theta);
        _kinks = model.Activation.Kinks;
        _pass.Forward(_model, data.X);
        _pass.Backward(_model, data.Y);
        _baseZ = new double[model.Layers.Count - 1][];
        for (int l = 0; l < _baseZ.Length; l++) _baseZ[l] = _pass.PreActivation(l).ToArray();
        _scale = MagnitudeSums();
    }

    public bool CrossedKink { get; private set; }

    /// <summary>∇L(θ + t·v), in the layout's order.</summary>
    public double[] At(ReadOnlySpan<double> v, double t)
    {
        var theta = new double[_theta.Length];
        for (int i = 0; i < theta.Length; i++) theta[i] = _theta[i] + t * v[i];
        _layout.Write(theta, _model);
        _pass.Forward(_model, _data.X);
        _pass.Backward(_model, _data.Y);
        CrossedKink |= MovedAcrossKink();
        var g = new double[_theta.Length];
        for (int l = 0; l < _pass.LayerCount; l++)
        {
            _pass.GradW(l).CopyTo(g.AsSpan(_layout.WeightOffset(l)));
            _pass.GradB(l).CopyTo(g.AsSpan(_layout.BiasOffset(l)));
        }
        // Stryker disable once Statement : every probe writes all of θ + t·v into the private clone before its pass, so what it held before is never read (docs/mutation-survivors.md)
        _layout.Write(_theta, _model);
        return g;
    }

    /// <summary>Per parameter at θ, the sum of the magnitudes of the terms its gradient adds: Σ_r |a[k, r]|·|δ[j, r]| or Σ_r |δ[j, r]|.</summary>
    public double[] RoundingScale() => _scale;

    private double[] MagnitudeSums()
    {
        var s = new double[_layout.Count];
        int m = _data.Count, d = _data.Features;
        for (int l = 0; l < _pass.LayerCount; l++)
        {
            int fanIn = _layout.Architecture.Widths[l], fanOut = _layout.Architecture.Widths[l + 1];
            var delta = _pass.Delta(l);
            for (int j = 0; j < fanOut; j++)
            {
                double bias = 0;
                for (int r = 0; r < m; r++) bias += Math.Abs(delta[j * m + r]);
                s[_layout.BiasOffset(l) + j] = bias;
                for (int k = 0; k < fanIn; k++)
                {
                    double w = 0;
                    for (int r = 0; r < m; r++)
                    {
                        double a = l == 0 ? _data.X[r * d + k] : _pass.Output(l - 1)[k * m + r];
                        w += Math.Abs(a) * Math.Abs(delta[j * m + r]);
                    }
                    s[_layout.WeightOffset(l) + k * fanOut + j] = w;
                }
            }
        }
        return s;
    }

    private bool MovedAcrossKink() => KinkCrossing.Any(_pass, _baseZ, _kinks);
}
