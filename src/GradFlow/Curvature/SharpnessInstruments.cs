using System.Numerics;
using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Curvature;

/// <summary>
/// The costly per-epoch instruments, every K-th epoch (and NaN on the others): the sharpness λ_max of the
/// training loss's Hessian, λ_min, the trace (a Hutchinson estimate unless <see cref="CurvatureOptions"/>
/// makes it exact) and λ_max·η/2, which is 1 at the stability edge of gradient descent on a quadratic
/// (Cohen et al., "Gradient Descent on Neural Networks Typically Occurs at the Edge of Stability", ICLR 2021).
/// The Lanczos start vector and probes of epoch t come from the seed (runSeed, t), so a run is reproducible.
/// </summary>
public sealed class SharpnessInstruments
{
    public static readonly IReadOnlyList<string> ColumnNames = ["sharpness", "hessian_min_eig", "hessian_trace", "sharpness_lr_over_2"];

    private readonly CurvatureMeter _meter;
    private readonly Dataset _train;
    private readonly double _learningRate;
    private readonly int _every;
    private readonly BigInteger _runSeed;

    public SharpnessInstruments(Architecture architecture, Dataset train, double learningRate, int every, BigInteger runSeed, CurvatureOptions? options = null)
    {
        if (every <= 0) throw new ArgumentOutOfRangeException(nameof(every), every, "curvature-every must be a positive integer");
        _meter = new CurvatureMeter(architecture, train.Count, options);
        _train = train;
        _learningRate = learningRate;
        _every = every;
        _runSeed = runSeed;
    }

    public IReadOnlyList<string> Columns => ColumnNames;

    public bool IsMeasured(int epoch) => epoch % _every == 0;

    /// <summary>Writes <see cref="Columns"/> at <paramref name="model"/>'s parameters (epoch <paramref name="epoch"/>), or NaNs off the K-th epochs.</summary>
    public void Observe(int epoch, Mlp model, Span<double> row)
    {
        if (!IsMeasured(epoch))
        {
            row[..4].Fill(double.NaN);
            return;
        }
        var m = _meter.Measure(model, _train.X, _train.Y, (_runSeed << 64) | (uint)epoch);
        row[0] = m.LambdaMax;
        row[1] = m.LambdaMin;
        row[2] = m.Trace;
        row[3] = m.LambdaMax * _learningRate / 2;
    }
}
