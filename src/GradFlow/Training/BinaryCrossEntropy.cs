using GradFlow.Numerics;

namespace GradFlow.Training;

/// <summary>
/// Mean binary cross-entropy of a sigmoid output, computed from the logit s:
/// ℓ(s, y) = max(s, 0) − s·y + log(1 + e^−|s|). It never forms log(0) or e^(large), so it is finite for
/// every finite logit, and it equals the study's clipped form −[y log p + (1−y) log(1−p)] with
/// p = σ(s) ∈ [1e-8, 1 − 1e-8].
/// </summary>
public static class BinaryCrossEntropy
{
    public static double FromLogit(double s, double y) =>
        Math.Max(s, 0.0) - s * y + SpecialFunctions.Log1P(Math.Exp(-Math.Abs(s)));

    public static double Mean(ReadOnlySpan<double> logits, ReadOnlySpan<double> y)
    {
        if (logits.Length != y.Length) throw new ArgumentException($"{logits.Length} logits but {y.Length} labels");
        if (logits.Length == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < logits.Length; i++) sum += FromLogit(logits[i], y[i]);
        return sum / logits.Length;
    }

    /// <summary>The study's form: p clipped to [1e-8, 1 − 1e-8], then −mean(y log p + (1−y) log(1−p)).</summary>
    public static double MeanClipped(ReadOnlySpan<double> p, ReadOnlySpan<double> y)
    {
        const double eps = 1e-8;
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double q = Math.Clamp(p[i], eps, 1 - eps);
            sum += y[i] * Math.Log(q) + (1 - y[i]) * Math.Log(1 - q);
        }
        return -sum / p.Length;
    }

    /// <summary>The study's accuracy: the fraction of rows where (p ≥ 0.5) equals the label.</summary>
    public static double Accuracy(ReadOnlySpan<double> p, ReadOnlySpan<double> y)
    {
        if (p.Length != y.Length) throw new ArgumentException($"{p.Length} probabilities but {y.Length} labels");
        if (p.Length == 0) return double.NaN;
        int hits = 0;
        for (int i = 0; i < p.Length; i++)
            if ((p[i] >= 0.5 ? 1.0 : 0.0) == y[i]) hits++;
        return (double)hits / p.Length;
    }
}
