using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Verification;

/// <summary>
/// The numerical side: central differences of the loss in one parameter at a time, at steps h and
/// h/2 combined by Richardson extrapolation, (4·D(h/2) − D(h))/3, whose error is O(h⁴). It also tells
/// whether any ±h perturbation moved a hidden pre-activation across a kink of φ.
/// </summary>
public sealed class NumericalGradient
{
    private readonly Mlp _model;
    private readonly Dataset _data;
    private readonly BatchPass _pass;
    private readonly double[][] _baseZ;
    private readonly IReadOnlyList<double> _kinks;

    public const double MachineEpsilon = 2.220446049250313e-16; // 2^−52

    public NumericalGradient(Mlp model, Dataset data)
    {
        _model = model;
        _data = data;
        _pass = new BatchPass(model.Architecture, data.Count);
        _kinks = model.ActivationKinks;
        _pass.Forward(model, data.X);
        _baseZ = new double[model.Layers.Count - 1][];
        for (int l = 0; l < _baseZ.Length; l++) _baseZ[l] = _pass.PreActivation(l).ToArray();
    }

    /// <summary>The loss at the model's current parameters.</summary>
    public double Loss()
    {
        _pass.Forward(_model, _data.X);
        return _pass.Loss(_data.Y);
    }

    /// <summary>
    /// ∂L/∂θ by extrapolated central differences; whether the ±h probes crossed a kink; and a bound on
    /// the rounding error of the estimate: each probe's loss carries about ε·|L|, so D(h/2) errs by up to
    /// 2ε|L|/h, D(h) by ε|L|/h and the extrapolation by (4·2 + 1)/3·ε|L|/h = 3ε|L|/h (4 with margin).
    /// Negligible for a loss near 1 (4e-12 at h = 1e-4), it is what limits a check of a loss in the hundreds.
    /// </summary>
    public (double Value, bool CrossesKink, double RoundingBound) Derivative(ref double parameter, double h)
    {
        double original = parameter;
        bool crosses = false;
        double Probe(ref double p, double delta, ref bool crossed)
        {
            p = original + delta;
            double loss = Loss();
            crossed |= MovedAcrossKink();
            return loss;
        }
        double plusH = Probe(ref parameter, h, ref crosses);
        double minusH = Probe(ref parameter, -h, ref crosses);
        double plusHalf = Probe(ref parameter, h / 2, ref crosses);
        double minusHalf = Probe(ref parameter, -h / 2, ref crosses);
        parameter = original;
        double dH = (plusH - minusH) / (2 * h);
        double dHalf = (plusHalf - minusHalf) / h;
        double largestLoss = Math.Max(Math.Max(Math.Abs(plusH), Math.Abs(minusH)), Math.Max(Math.Abs(plusHalf), Math.Abs(minusHalf)));
        return ((4 * dHalf - dH) / 3, crosses, RoundingBound(largestLoss, h));
    }

    /// <summary>4ε·|L|/h: the bound on the extrapolated difference's rounding error (see <see cref="Derivative"/>).</summary>
    public static double RoundingBound(double loss, double h) => 4 * MachineEpsilon * Math.Abs(loss) / h;

    private bool MovedAcrossKink() => KinkCrossing.Any(_pass, _baseZ, _kinks);
}
