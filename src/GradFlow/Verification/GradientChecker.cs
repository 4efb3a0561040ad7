using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Verification;

/// <summary>
/// The finite-difference gate: the analytical gradient (backprop) against the numerical one
/// (central differences) for every weight and bias of every layer, or a chosen subset of them.
/// </summary>
public static class GradientChecker
{
    public static GradientCheckReport Check(Mlp model, Dataset data, GradientCheckOptions? options = null) =>
        Check(model, data, options ?? GradientCheckOptions.Default, null, null, CancellationToken.None);

    /// <summary>
    /// The check of <paramref name="only"/> (all parameters when null), telling <paramref name="progress"/>
    /// (done, total) after each parameter and stopping with <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static GradientCheckReport Check(Mlp model, Dataset data, GradientCheckOptions options, IReadOnlyCollection<ParameterId>? only,
        Action<int, int>? progress, CancellationToken cancellation)
    {
        var analytic = LossGradient.Compute(model, data).Layers;
        return Compare(model, data, analytic, options, only, progress, cancellation);
    }

    /// <summary>Compares a given analytical gradient (e.g. a deliberately broken one) with the numerical one.</summary>
    public static GradientCheckReport Compare(Mlp model, Dataset data, IReadOnlyList<LayerGradient> analytic, GradientCheckOptions options) =>
        Compare(model, data, analytic, options, null, null, CancellationToken.None);

    /// <inheritdoc cref="Check(Mlp, Dataset, GradientCheckOptions, IReadOnlyCollection{ParameterId}?, Action{int, int}?, CancellationToken)"/>
    public static GradientCheckReport Compare(Mlp model, Dataset data, IReadOnlyList<LayerGradient> analytic, GradientCheckOptions options,
        IReadOnlyCollection<ParameterId>? only, Action<int, int>? progress, CancellationToken cancellation)
    {
        if (analytic.Count != model.Layers.Count)
            throw new ArgumentException($"analytic gradient has {analytic.Count} layers, the model {model.Layers.Count}");
        var probe = model.Clone();
        var numeric = new NumericalGradient(probe, data);
        double h = ResolveStep(options, numeric.Loss());
        var applied = options with { Step = h };
        var wanted = only is null ? null : new HashSet<ParameterId>(only);
        int total = wanted?.Count ?? model.ParameterCount;
        var entries = new List<ParameterCheck>(total);
        void Add(ParameterId id, ref double parameter, double analyticValue)
        {
            if (wanted is not null && !wanted.Contains(id)) return;
            cancellation.ThrowIfCancellationRequested();
            var (value, crosses, rounding) = numeric.Derivative(ref parameter, h);
            entries.Add(new ParameterCheck(id, analyticValue, value, crosses, rounding));
            progress?.Invoke(entries.Count, total);
        }
        for (int l = 0; l < probe.Layers.Count; l++)
        {
            var layer = probe.Layers[l];
            for (int i = 0; i < layer.FanIn; i++)
                for (int j = 0; j < layer.FanOut; j++)
                    Add(ParameterId.Weight(l + 1, i, j), ref layer.W(i, j), analytic[l].Weights[i * layer.FanOut + j]);
            for (int j = 0; j < layer.FanOut; j++)
                Add(ParameterId.Bias(l + 1, j), ref layer.Bias[j], analytic[l].Bias[j]);
        }
        if (entries.Count != total) throw new ArgumentException($"{total - entries.Count} of the parameters to check are not in the model", nameof(only));
        return new GradientCheckReport(entries, applied);
    }

    /// <summary>
    /// The smallest step whose rounding bound 4ε·|L|/h stays within atol: h ≥ 4ε·|L|/atol
    /// (+∞ when atol is 0 or the loss is not finite).
    /// </summary>
    public static double SmallestStep(double loss, double atol) =>
        atol > 0 && double.IsFinite(loss) ? NumericalGradient.RoundingBound(loss, 1.0) / atol : double.PositiveInfinity;

    /// <summary>The loss the numerical side differentiates, at the model's current parameters.</summary>
    public static double Loss(Mlp model, Dataset data) => new NumericalGradient(model.Clone(), data).Loss();

    /// <summary>
    /// The step a check at loss <paramref name="loss"/> uses: the requested one if valid (else
    /// <see cref="StepRefusedException"/>), or the automatic one, <see cref="GradientCheckOptions.DefaultStep"/>
    /// raised to twice the smallest valid step so the rounding bound stays below atol/2.
    /// </summary>
    public static double ResolveStep(GradientCheckOptions options, double loss)
    {
        double smallest = SmallestStep(loss, options.Atol);
        if (options.Step is double requested)
            return requested >= smallest && double.IsFinite(requested) ? requested : throw new StepRefusedException(requested, smallest, loss, options.Atol);
        double automatic = Math.Max(GradientCheckOptions.DefaultStep, 2 * smallest);
        return double.IsFinite(automatic) ? automatic : throw new StepRefusedException(automatic, smallest, loss, options.Atol);
    }

    /// <summary>
    /// A seeded random subset of <paramref name="count"/> parameters (the first entries of
    /// default_rng(seed).permutation over all of them), in the model's order: weights then biases, layer by layer.
    /// </summary>
    public static IReadOnlyList<ParameterId> Sample(Mlp model, int count, System.Numerics.BigInteger seed)
    {
        var all = new List<ParameterId>(model.ParameterCount);
        for (int l = 0; l < model.Layers.Count; l++)
        {
            var layer = model.Layers[l];
            for (int i = 0; i < layer.FanIn; i++)
                for (int j = 0; j < layer.FanOut; j++) all.Add(ParameterId.Weight(l + 1, i, j));
            for (int j = 0; j < layer.FanOut; j++) all.Add(ParameterId.Bias(l + 1, j));
        }
        return ParameterSample.Indices(all.Count, count, seed).Select(i => all[i]).ToArray();
    }
}
