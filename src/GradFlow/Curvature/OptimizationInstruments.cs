using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Curvature;

/// <summary>
/// The cheap per-epoch instruments of optimisation dynamics, from the epoch's gradient g_t (before its
/// step) and the parameters θ_t it was taken at:
/// per layer the update ratio η‖∂L/∂W_i‖_F/‖W_i‖_F (the CS231n rule of thumb: about 1e-3),
/// the distance from initialisation ‖θ_t − θ₀‖, the cosine of g_t with g_{t−1}, and Cockpit's α for the
/// step just taken (Schneider et al., "Cockpit", NeurIPS 2021, §3): noise-free under full-batch GD,
/// α = −(g_t·g_{t−1})/‖g_{t−1}‖² — 0 where the step landed on the minimum of the loss along it, 1 at equal
/// height on the far side, −1 for a step too small to move the gradient. Cosine and α are NaN at the first
/// observed epoch. <see cref="Observe"/> must see every epoch, in order; it allocates nothing.
/// </summary>
public sealed class OptimizationInstruments
{
    private readonly double _learningRate;
    private readonly ParameterLayout _layout;
    private readonly double[] _theta0, _theta, _gradient, _previous;
    private bool _hasPrevious;

    public OptimizationInstruments(Mlp initial, double learningRate)
    {
        _learningRate = learningRate;
        _layout = new ParameterLayout(initial.Architecture);
        _theta0 = new double[_layout.Count];
        _theta = new double[_layout.Count];
        _gradient = new double[_layout.Count];
        _previous = new double[_layout.Count];
        _layout.Read(initial, _theta0);
        Columns = [.. Enumerable.Range(1, initial.Architecture.LayerCount).Select(i => $"update_ratio_L{i}"), "distance_from_init", "grad_cosine", "step_alpha"];
    }

    /// <summary>update_ratio_L1 … update_ratio_L{layers}, distance_from_init, grad_cosine, step_alpha.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Writes <see cref="Columns"/> for the epoch whose backward pass <paramref name="pass"/> holds, at <paramref name="model"/>'s parameters.</summary>
    public void Observe(Mlp model, BatchPass pass, Span<double> row)
    {
        int layers = pass.LayerCount;
        for (int l = 0; l < layers; l++)
        {
            double g = Math.Sqrt(Kernels.SumOfSquares(pass.GradW(l)));
            double w = Math.Sqrt(Kernels.SumOfSquares(model.Layers[l].Weights));
            row[l] = _learningRate * g / w;
            pass.GradW(l).CopyTo(_gradient.AsSpan(_layout.WeightOffset(l)));
            pass.GradB(l).CopyTo(_gradient.AsSpan(_layout.BiasOffset(l)));
        }
        _layout.Read(model, _theta);
        double distance = 0;
        for (int i = 0; i < _theta.Length; i++)
        {
            double d = _theta[i] - _theta0[i];
            distance = Math.FusedMultiplyAdd(d, d, distance);
        }
        row[layers] = Math.Sqrt(distance);
        if (_hasPrevious)
        {
            double dot = Kernels.Dot(_gradient, _previous), prev = Kernels.Dot(_previous, _previous), now = Kernels.Dot(_gradient, _gradient);
            row[layers + 1] = dot / Math.Sqrt(prev * now);
            row[layers + 2] = -dot / prev;
        }
        else
        {
            row[layers + 1] = double.NaN;
            row[layers + 2] = double.NaN;
        }
        _gradient.CopyTo(_previous, 0);
        _hasPrevious = true;
    }
}
