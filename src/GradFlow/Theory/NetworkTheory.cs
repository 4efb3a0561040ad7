using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Theory;

/// <summary>
/// The maps for a network as GradFlow initialises it: layer l's weights N(0, std_l²) with std_l from the
/// init scheme, scale and fans (<see cref="InitSchemes.Std"/>), biases N(0, σ_b²) (0 in GradFlow), N_l the
/// width of layer l. Forward (Poole et al. 2016, eq. 3, with the per-layer variance written out):
///   q¹ = std_1²·‖x‖² + σ_b²,   q^{l+1} = N_l·std_{l+1}²·E[φ(√q^l z)²] + σ_b².
/// Backward (Schoenholz et al. 2017, §4, under the usual assumption that the weights of the backward pass
/// are independent of the forward one): δ^l = φ′(z^l) ⊙ (W^{l+1} δ^{l+1}), so
///   ‖δ^l‖² / ‖δ^{l+1}‖² = N_l·std_{l+1}²·E[φ′(√q^l z)²] =: χ^l   (χ₁ for square layers),
/// and at the output (σ and the cross-entropy cancelling) δ = (p − y)/n with E[(σ(s) − y)²] = E[σ(√q s)²]
/// for either label, s ~ N(0, q^out). The data-aware form runs this per training row r, from its own
/// ‖x_r‖², and pools the rows' ‖δ_r^l‖² by summing them, as ‖δ^l‖_F² sums over the batch.
/// </summary>
public static class NetworkTheory
{
    /// <summary>E‖x‖² of the study's XOR: x uniform on [−1, 1]² plus N(0, noise²) per coordinate, so 2·(1/3 + noise²).</summary>
    public static double XorMeanSquaredNorm(double noise) => 2 * (1.0 / 3.0 + noise * noise);

    /// <summary>std_l of every layer (1-based l at index l − 1).</summary>
    public static double[] LayerStds(Architecture arch, InitScheme init, double scale)
    {
        var stds = new double[arch.LayerCount];
        for (int l = 0; l < stds.Length; l++) stds[l] = init.Std(arch.Widths[l], arch.Widths[l + 1], scale);
        return stds;
    }

    /// <summary>
    /// σ_w² = N_l·std_{l+1}² of the hidden-to-hidden layers (the first of them; the last layer's when there is
    /// one hidden layer): the σ_w of the deep-network picture that the phase diagram marks.
    /// </summary>
    public static double HiddenSigmaW2(Architecture arch, InitScheme init, double scale)
    {
        var stds = LayerStds(arch, init, scale);
        int l = Math.Min(1, arch.LayerCount - 1);
        return arch.Widths[l] * stds[l] * stds[l];
    }

    /// <summary>The map from the data distribution's E‖x‖² (one input length for every row).</summary>
    public static NetworkPrediction Predict(Architecture arch, Activation activation, InitScheme init, double scale, double meanSquaredInputNorm, double sigmaB = 0) =>
        PredictRows(arch, activation, init, scale, [meanSquaredInputNorm], sigmaB);

    /// <summary>The data-aware map: each row of <paramref name="rows"/> from its own ‖x‖², the rows' ‖δ‖² pooled.</summary>
    public static NetworkPrediction PredictDataAware(Architecture arch, Activation activation, InitScheme init, double scale, Dataset rows, double sigmaB = 0)
    {
        if (rows.Features != arch.Inputs) throw new ArgumentException($"the rows have {rows.Features} features, the network {arch.Inputs} inputs");
        var norms = new double[rows.Count];
        for (int r = 0; r < norms.Length; r++)
        {
            double s = 0;
            foreach (double v in rows.Row(r)) s += v * v;
            norms[r] = s;
        }
        return PredictRows(arch, activation, init, scale, norms, sigmaB);
    }

    /// <summary>The maps for rows of squared input lengths <paramref name="inputSquaredNorms"/>, pooled.</summary>
    public static NetworkPrediction PredictRows(Architecture arch, Activation activation, InitScheme init, double scale, IReadOnlyList<double> inputSquaredNorms, double sigmaB = 0)
    {
        if (arch.HiddenLayerCount == 0) throw new ArgumentException($"the maps need at least one hidden layer, got [{arch}]");
        if (inputSquaredNorms.Count == 0) throw new ArgumentException("the maps need at least one row");
        if (!(sigmaB >= 0) || double.IsInfinity(sigmaB)) throw new ArgumentOutOfRangeException(nameof(sigmaB), sigmaB, "σ_b must be a finite number >= 0");
        var phi = new MeanFieldActivation(activation);
        var stds = LayerStds(arch, init, scale);
        int hidden = arch.HiddenLayerCount, rows = inputSquaredNorms.Count;
        double sb2 = sigmaB * sigmaB;
        // Per hidden layer l (index l − 1): Σ_r q, Σ_r ‖δ_r‖², Σ_r ‖a_r^{l−1}‖²‖δ_r^l‖²; and the output's Σ_r ‖δ_r‖².
        var sumQ = new double[hidden];
        var sumDelta = new double[hidden + 1];
        var sumGrad = new double[hidden];
        double sumOutputQ = 0;
        var q = new double[hidden];
        var inputSquare = new double[hidden]; // ‖a^{l−1}‖² entering layer l
        var chi = new double[hidden];
        for (int r = 0; r < rows; r++)
        {
            double x2 = inputSquaredNorms[r];
            inputSquare[0] = x2;
            q[0] = stds[0] * stds[0] * x2 + sb2;
            for (int l = 1; l <= hidden; l++)
            {
                // From hidden layer l to layer l + 1 (index l): fan_in N_l, weights std_{l+1}.
                double width = arch.Widths[l], s2 = stds[l] * stds[l];
                var (secondMoment, slopeSecondMoment) = phi.Moments(q[l - 1]);
                double activationSquare = width * secondMoment;
                chi[l - 1] = width * s2 * slopeSecondMoment;
                double next = s2 * activationSquare + sb2;
                if (l < hidden)
                {
                    q[l] = next;
                    inputSquare[l] = activationSquare;
                }
                else
                {
                    sumOutputQ += next;
                    double delta = phi.OutputDeltaSquare(next);
                    sumDelta[hidden] += delta;
                    for (int h = hidden - 1; h >= 0; h--)
                    {
                        delta *= chi[h];
                        sumDelta[h] += delta;
                        // Stryker disable once Assignment : `+=` → `-=` negates every sumGrad[h] exactly, and only their ratios are read (WeightGradientRel)
                        sumGrad[h] += inputSquare[h] * delta;
                    }
                }
            }
            for (int l = 0; l < hidden; l++) sumQ[l] += q[l];
        }
        var layers = new LayerPrediction[hidden];
        for (int l = 0; l < hidden; l++)
        {
            layers[l] = new LayerPrediction(l + 1, arch.Widths[l], arch.Widths[l + 1], sumQ[l] / rows,
                sumDelta[l] / sumDelta[l + 1], Math.Sqrt(sumDelta[l] / sumDelta[hidden - 1]), Math.Sqrt(sumGrad[l] / sumGrad[hidden - 1]));
        }
        return new NetworkPrediction(activation.Name, init.Name(), scale, layers, sumOutputQ / rows);
    }
}
