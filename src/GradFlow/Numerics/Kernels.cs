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

    /// <summary>
    /// dest[r] = init + Σ_k coef[k·stride]·rows[k·n + r] for the <paramref name="rowCount"/> rows of length
    /// n = dest.Length, accumulated for k = 0, 1, … with one rounding per term — exactly the bits of
    /// dest.Fill(init) followed by one <see cref="Axpy"/> per row, but with sixteen outputs held in
    /// registers across all rows instead of a load and a store per term.
    /// </summary>
    public static void LinearCombination(ReadOnlySpan<double> rows, int rowCount, ReadOnlySpan<double> coef, int stride, double init, Span<double> dest)
    {
        nuint n = (nuint)dest.Length;
        if (rows.Length < rowCount * dest.Length || (rowCount > 0 && coef.Length <= (rowCount - 1) * stride))
            throw new ArgumentException($"{rowCount} rows of {dest.Length} need {rowCount * dest.Length} values and {rowCount} coefficients");
        ref double src = ref MemoryMarshal.GetReference(rows);
        ref double c = ref MemoryMarshal.GetReference(coef);
        ref double d = ref MemoryMarshal.GetReference(dest);
        nuint i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var start = Vector256.Create(init);
            for (; i + 16 <= n; i += 16)
            {
                Vector256<double> a0 = start, a1 = start, a2 = start, a3 = start;
                for (int k = 0; k < rowCount; k++)
                {
                    var w = Vector256.Create(Unsafe.Add(ref c, k * stride));
                    nuint at = (nuint)k * n + i;
                    a0 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at), a0);
                    a1 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 4), a1);
                    a2 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 8), a2);
                    a3 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 12), a3);
                }
                a0.StoreUnsafe(ref d, i);
                a1.StoreUnsafe(ref d, i + 4);
                a2.StoreUnsafe(ref d, i + 8);
                a3.StoreUnsafe(ref d, i + 12);
            }
            for (; i + 4 <= n; i += 4)
            {
                var a = start;
                for (int k = 0; k < rowCount; k++)
                    a = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref c, k * stride)), Vector256.LoadUnsafe(ref src, (nuint)k * n + i), a);
                a.StoreUnsafe(ref d, i);
            }
        }
        for (; i < n; i++)
        {
            double a = init;
            for (int k = 0; k < rowCount; k++) a = Math.FusedMultiplyAdd(Unsafe.Add(ref c, k * stride), Unsafe.Add(ref src, (nuint)k * n + i), a);
            Unsafe.Add(ref d, i) = a;
        }
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

    /// <summary>
    /// Σ x[i]·y[i] in a fixed order that no hardware changes: sixteen partial sums (lane i takes the
    /// elements ≡ i mod 16, fused multiply-add each), folded pairwise, then the tail left to right.
    /// Always Vector256 (software-emulated where there is no 256-bit unit), so the bits are the same
    /// on every machine, while four independent accumulators keep the FMA pipeline full.
    /// </summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) ThrowLengths(x.Length, y.Length);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, i = 0;
        var a0 = Vector256<double>.Zero;
        var a1 = Vector256<double>.Zero;
        var a2 = Vector256<double>.Zero;
        var a3 = Vector256<double>.Zero;
        for (; i + 16 <= n; i += 16)
        {
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, i), Vector256.LoadUnsafe(ref yr, i), a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, i + 4), Vector256.LoadUnsafe(ref yr, i + 4), a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, i + 8), Vector256.LoadUnsafe(ref yr, i + 8), a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, i + 12), Vector256.LoadUnsafe(ref yr, i + 12), a3);
        }
        for (; i + 4 <= n; i += 4)
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, i), Vector256.LoadUnsafe(ref yr, i), a0);
        var v = (a0 + a1) + (a2 + a3);
        double s = (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
        for (; i < n; i++) s = Math.FusedMultiplyAdd(Unsafe.Add(ref xr, i), Unsafe.Add(ref yr, i), s);
        return s;
    }

    /// <summary>Σ x[i] in the same fixed order as <see cref="Dot"/>.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        nuint n = (nuint)x.Length, i = 0;
        var a0 = Vector256<double>.Zero;
        var a1 = Vector256<double>.Zero;
        var a2 = Vector256<double>.Zero;
        var a3 = Vector256<double>.Zero;
        for (; i + 16 <= n; i += 16)
        {
            a0 += Vector256.LoadUnsafe(ref xr, i);
            a1 += Vector256.LoadUnsafe(ref xr, i + 4);
            a2 += Vector256.LoadUnsafe(ref xr, i + 8);
            a3 += Vector256.LoadUnsafe(ref xr, i + 12);
        }
        for (; i + 4 <= n; i += 4) a0 += Vector256.LoadUnsafe(ref xr, i);
        var v = (a0 + a1) + (a2 + a3);
        double s = (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
        for (; i < n; i++) s += Unsafe.Add(ref xr, i);
        return s;
    }

    /// <summary>x[i] *= y[i].</summary>
    public static void Multiply(ReadOnlySpan<double> y, Span<double> x)
    {
        if (x.Length != y.Length) ThrowLengths(x.Length, y.Length);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= n; i += 4)
                (Vector256.LoadUnsafe(ref xr, i) * Vector256.LoadUnsafe(ref yr, i)).StoreUnsafe(ref xr, i);
        }
        for (; i < n; i++) Unsafe.Add(ref xr, i) *= Unsafe.Add(ref yr, i);
    }

    /// <summary>Σ x[i]², accumulated left to right so the order is fixed.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s = Math.FusedMultiplyAdd(v, v, s);
        return s;
    }

    private static void ThrowLengths(int a, int b) => throw new ArgumentException($"span lengths differ: {a} and {b}");
}
