using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

/// <summary>
/// The span kernels of the training path. Each is element-wise with one fused multiply-add per
/// element, so the bits never depend on the vector width the JIT picks (Vector256 FMA, and
/// Math.FusedMultiplyAdd on the tail, round once with or without FMA hardware).
/// </summary>
public static class Kernels
{
    /// <summary>y[i] = alpha·x[i] + y[i], rounded once.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != y.Length) ThrowLengths(x.Length, y.Length);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            var va = Vector256.Create(alpha);
            for (; i + 4 <= n; i += 4)
                Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref xr, i), Vector256.LoadUnsafe(ref yr, i)).StoreUnsafe(ref yr, i);
        }
        for (; i < n; i++)
            Unsafe.Add(ref yr, i) = Math.FusedMultiplyAdd(alpha, Unsafe.Add(ref xr, i), Unsafe.Add(ref yr, i));
    }

    /// <summary>y[i] += x[i].</summary>
    public static void Add(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != y.Length) ThrowLengths(x.Length, y.Length);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= n; i += 4)
                (Vector256.LoadUnsafe(ref xr, i) + Vector256.LoadUnsafe(ref yr, i)).StoreUnsafe(ref yr, i);
        }
        for (; i < n; i++) Unsafe.Add(ref yr, i) += Unsafe.Add(ref xr, i);
    }

    /// <summary>The gradient-descent step w[i] −= lr·g[i] (product rounded, then difference, as NumPy's w -= lr * g).</summary>
    public static void Descend(double lr, ReadOnlySpan<double> g, Span<double> w)
    {
        if (g.Length != w.Length) ThrowLengths(g.Length, w.Length);
        for (int i = 0; i < w.Length; i++) w[i] -= lr * g[i];
    }

    /// <summary>Σ x[i]², accumulated left to right so the order is fixed.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s = Math.FusedMultiplyAdd(v, v, s);
        return s;
    }

    /// <summary>Σ x[i], left to right.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += v;
        return s;
    }

    private static void ThrowLengths(int a, int b) => throw new ArgumentException($"span lengths differ: {a} and {b}");
}
