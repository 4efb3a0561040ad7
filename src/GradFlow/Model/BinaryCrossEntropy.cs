using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Model;

/// <summary>
/// Mean binary cross-entropy of a sigmoid output, computed from the logit s:
/// ℓ(s, y) = max(s, 0) − s·y + log(1 + e^−|s|), vectorised (e^x and log within 1 ulp of the C library's). It never forms log(0) or e^(large), so it is finite for
/// every finite logit, and it equals the study's clipped form −[y log p + (1−y) log(1−p)] with
/// p = σ(s) ∈ [1e-8, 1 − 1e-8].
/// </summary>
public static class BinaryCrossEntropy
{
    /// <summary>ℓ(s, y), with <see cref="VectorMath.Exp(double)"/> and <see cref="VectorMath.Log(double)"/>: the term <see cref="Mean"/> sums.</summary>
    public static double FromLogit(double s, double y)
    {
        // log1p(e) by Kahan's correction, e = e^−|s| ∈ [0, 1]: u = 1 + e rounds, and e/(u − 1) undoes that rounding.
        double e = VectorMath.Exp(-Math.Abs(s));
        double u = 1.0 + e;
        double log1p = u == 1.0 ? e : VectorMath.Log(u) * (e / (u - 1.0));
        return ((s > 0 ? s : 0.0) - s * y) + log1p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> FromLogit(Vector256<double> s, Vector256<double> y)
    {
        var e = VectorMath.Exp(-Vector256.Abs(s));
        var u = Vector256<double>.One + e;
        var log1p = Vector256.ConditionalSelect(Vector256.Equals(u, Vector256<double>.One), e, VectorMath.Log(u) * (e / (u - Vector256<double>.One)));
        var positive = Vector256.ConditionalSelect(Vector256.GreaterThan(s, Vector256<double>.Zero), s, Vector256<double>.Zero);
        return (positive - s * y) + log1p;
    }

    /// <summary>
    /// The mean of <see cref="FromLogit(double, double)"/>, summed in four lanes (lane j takes the rows
    /// i ≡ j mod 4) folded as (l0 + l1) + (l2 + l3): the same bits whatever the vector width.
    /// </summary>
    public static double Mean(ReadOnlySpan<double> logits, ReadOnlySpan<double> y) => Mean(logits, y, Vector256.IsHardwareAccelerated);

    /// <summary>
    /// <see cref="Mean(ReadOnlySpan{double}, ReadOnlySpan{double})"/> with the vector lanes on or off: the scalar
    /// twin is what runs where Vector256 is not accelerated, so tests compare the two on any machine.
    /// </summary>
    internal static double Mean(ReadOnlySpan<double> logits, ReadOnlySpan<double> y, bool vectorized)
    {
        if (logits.Length != y.Length) throw new ArgumentException($"{logits.Length} logits but {y.Length} labels");
        if (logits.Length == 0) return double.NaN;
        ref double sr = ref MemoryMarshal.GetReference(logits);
        ref double yr = ref MemoryMarshal.GetReference(y);
        int n = logits.Length, i = 0;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (vectorized)
        {
            var sum = Vector256<double>.Zero;
            for (; i <= n - 4; i += 4) sum += FromLogit(Vector256.LoadUnsafe(ref sr, (nuint)i), Vector256.LoadUnsafe(ref yr, (nuint)i));
            (s0, s1, s2, s3) = (sum[0], sum[1], sum[2], sum[3]);
        }
        for (; i + 4 <= n; i += 4)
        {
            s0 += FromLogit(logits[i], y[i]);
            s1 += FromLogit(logits[i + 1], y[i + 1]);
            s2 += FromLogit(logits[i + 2], y[i + 2]);
            s3 += FromLogit(logits[i + 3], y[i + 3]);
        }
        if (i < n) s0 += FromLogit(logits[i], y[i]);
        if (i + 1 < n) s1 += FromLogit(logits[i + 1], y[i + 1]);
        if (i + 2 < n) s2 += FromLogit(logits[i + 2], y[i + 2]);
        return ((s0 + s1) + (s2 + s3)) / n;
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
