using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

/// <summary>
/// The span kernels of the training path. Each is element-wise with one fused multiply-add per
/// element, so the bits never depend on the vector width the JIT picks (Vector256 FMA, and
/// Math.FusedMultiplyAdd on the tail, round once with or without FMA hardware).
/// </summary>
public static partial class Kernels
{
    /// <summary>y[i] = alpha·x[i] + y[i], rounded once.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != y.Length) ThrowLengths(x.Length, y.Length);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, i = 0;
        // Stryker disable once Boolean,Logical,Equality,Arithmetic,Block : the scalar tail fuses the same multiply-add per element, so how many elements the vector loop takes changes no bit (docs/mutation-survivors.md)
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
    /// dest.Fill(init) followed by one <see cref="Axpy"/> per row, but with up to 32 outputs held in
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
        if (
            // Stryker disable once Boolean : each output is its own fused chain k = 0, 1, …, so the scalar tail gives the vector lanes' bits (docs/mutation-survivors.md)
            Vector256.IsHardwareAccelerated)
        // Stryker disable once Block : each output is its own fused chain k = 0, 1, …, so the scalar tail gives the vector lanes' bits (docs/mutation-survivors.md)
        {
            var start = Vector256.Create(init);
            // Eight independent chains of fused multiply-adds keep the FMA units busy; four would wait on their latency.
            for (;
                // Stryker disable once Equality,Arithmetic : fewer blocks leave more to the loops after it; each output is its own fused chain k = 0, 1, …, so the scalar tail gives the vector lanes' bits (docs/mutation-survivors.md)
                i + 32 <= n; i += 32)
            {
                Vector256<double> a0 = start, a1 = start, a2 = start, a3 = start, a4 = start, a5 = start, a6 = start, a7 = start;
                for (int k = 0; k < rowCount; k++)
                {
                    var w = Vector256.Create(Unsafe.Add(ref c, k * stride));
                    nuint at = (nuint)k * n + i;
                    a0 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at), a0);
                    a1 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 4), a1);
                    a2 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 8), a2);
                    a3 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 12), a3);
                    a4 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 16), a4);
                    a5 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 20), a5);
                    a6 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 24), a6);
                    a7 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref src, at + 28), a7);
                }
                a0.StoreUnsafe(ref d, i);
                a1.StoreUnsafe(ref d, i + 4);
                a2.StoreUnsafe(ref d, i + 8);
                a3.StoreUnsafe(ref d, i + 12);
                a4.StoreUnsafe(ref d, i + 16);
                a5.StoreUnsafe(ref d, i + 20);
                a6.StoreUnsafe(ref d, i + 24);
                a7.StoreUnsafe(ref d, i + 28);
            }
            for (;
                // Stryker disable once Equality,Arithmetic : fewer blocks leave more to the loops after it; each output is its own fused chain k = 0, 1, …, so the scalar tail gives the vector lanes' bits (docs/mutation-survivors.md)
                i + 16 <= n; i += 16)
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
            for (;
                // Stryker disable once Equality,Arithmetic : fewer blocks leave more to the loops after it; each output is its own fused chain k = 0, 1, …, so the scalar tail gives the vector lanes' bits (docs/mutation-survivors.md)
                i + 4 <= n; i += 4)
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

    /// <summary>
    /// Two <see cref="LinearCombination"/>s of the same rows at once, each to the bit: dest0 from the
    /// coefficients coef[k·stride] and init0, dest1 from coef[second + k·stride] and init1. Every load of
    /// a row feeds both outputs, which halves the loads per fused multiply-add.
    /// </summary>
    public static void LinearCombination2(ReadOnlySpan<double> rows, int rowCount, ReadOnlySpan<double> coef, int stride, int second,
        double init0, double init1, Span<double> dest0, Span<double> dest1)
    {
        nuint n = (nuint)dest0.Length;
        if (dest1.Length != dest0.Length) ThrowLengths(dest0.Length, dest1.Length);
        if (rows.Length < rowCount * dest0.Length || (rowCount > 0 && coef.Length <= second + (rowCount - 1) * stride) || second < 0)
            throw new ArgumentException($"{rowCount} rows of {dest0.Length} need {rowCount * dest0.Length} values and two sets of {rowCount} coefficients");
        ref double src = ref MemoryMarshal.GetReference(rows);
        ref double c = ref MemoryMarshal.GetReference(coef);
        ref double c1 = ref Unsafe.Add(ref c, second);
        ref double d0 = ref MemoryMarshal.GetReference(dest0);
        ref double d1 = ref MemoryMarshal.GetReference(dest1);
        nuint i = 0;
        if (
            // Stryker disable once Boolean : each output is its own fused chain k = 0, 1, …, so the scalar tail gives the vector lanes' bits (docs/mutation-survivors.md)
            Vector256.IsHardwareAccelerated)
        // Stryker disable once Block : each output is its own fused chain k = 0, 1, …, so the scalar tail gives the vector lanes' bits (docs/mutation-survivors.md)
        {
            var start0 = Vector256.Create(init0);
            var start1 = Vector256.Create(init1);
            for (;
                // Stryker disable once Equality,Arithmetic : fewer blocks leave more to the loops after it; each output is its own fused chain k = 0, 1, …, so the scalar tail gives the vector lanes' bits (docs/mutation-survivors.md)
                i + 16 <= n; i += 16)
            {
                Vector256<double> a0 = start0, a1 = start0, a2 = start0, a3 = start0;
                Vector256<double> b0 = start1, b1 = start1, b2 = start1, b3 = start1;
                for (int k = 0; k < rowCount; k++)
                {
                    var w = Vector256.Create(Unsafe.Add(ref c, k * stride));
                    var v = Vector256.Create(Unsafe.Add(ref c1, k * stride));
                    nuint at = (nuint)k * n + i;
                    var x0 = Vector256.LoadUnsafe(ref src, at);
                    var x1 = Vector256.LoadUnsafe(ref src, at + 4);
                    var x2 = Vector256.LoadUnsafe(ref src, at + 8);
                    var x3 = Vector256.LoadUnsafe(ref src, at + 12);
                    a0 = Vector256.FusedMultiplyAdd(w, x0, a0);
                    a1 = Vector256.FusedMultiplyAdd(w, x1, a1);
                    a2 = Vector256.FusedMultiplyAdd(w, x2, a2);
                    a3 = Vector256.FusedMultiplyAdd(w, x3, a3);
                    b0 = Vector256.FusedMultiplyAdd(v, x0, b0);
                    b1 = Vector256.FusedMultiplyAdd(v, x1, b1);
                    b2 = Vector256.FusedMultiplyAdd(v, x2, b2);
                    b3 = Vector256.FusedMultiplyAdd(v, x3, b3);
                }
                a0.StoreUnsafe(ref d0, i);
                a1.StoreUnsafe(ref d0, i + 4);
                a2.StoreUnsafe(ref d0, i + 8);
                a3.StoreUnsafe(ref d0, i + 12);
                b0.StoreUnsafe(ref d1, i);
                b1.StoreUnsafe(ref d1, i + 4);
                b2.StoreUnsafe(ref d1, i + 8);
                b3.StoreUnsafe(ref d1, i + 12);
            }
            for (;
                // Stryker disable once Equality,Arithmetic : fewer blocks leave more to the loops after it; each output is its own fused chain k = 0, 1, …, so the scalar tail gives the vector lanes' bits (docs/mutation-survivors.md)
                i + 4 <= n; i += 4)
            {
                Vector256<double> a = start0, b = start1;
                for (int k = 0; k < rowCount; k++)
                {
                    var x = Vector256.LoadUnsafe(ref src, (nuint)k * n + i);
                    a = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref c, k * stride)), x, a);
                    b = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref c1, k * stride)), x, b);
                }
                a.StoreUnsafe(ref d0, i);
                b.StoreUnsafe(ref d1, i);
            }
        }
        for (; i < n; i++)
        {
            double a = init0, b = init1;
            for (int k = 0; k < rowCount; k++)
            {
                double x = Unsafe.Add(ref src, (nuint)k * n + i);
                a = Math.FusedMultiplyAdd(Unsafe.Add(ref c, k * stride), x, a);
                b = Math.FusedMultiplyAdd(Unsafe.Add(ref c1, k * stride), x, b);
            }
            Unsafe.Add(ref d0, i) = a;
            Unsafe.Add(ref d1, i) = b;
        }
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
    /// Vector256 where the hardware has it (four independent accumulators keep the FMA pipeline full), else
    /// the same sixteen lanes as eight Vector128s (<see cref="NarrowDot"/>): the same bits on every machine.
    /// </summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) ThrowLengths(x.Length, y.Length);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        // Stryker disable once Boolean : NarrowDot gives Dot's bits (NarrowKernelTests) (docs/mutation-survivors.md)
        if (!Vector256.IsHardwareAccelerated) return NarrowDot(ref xr, ref yr, (nuint)x.Length);
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
        return FinishDot(a0, a1, a2, a3, ref xr, ref yr, i, n);
    }

    /// <summary>
    /// <see cref="Dot"/> from the end of its blocks of sixteen (at <paramref name="i"/>), given its four
    /// accumulators (lanes 0–3, 4–7, 8–11, 12–15): the remaining blocks of four into a0, the pairwise fold,
    /// the tail left to right. Every kernel that promises Dot's bits ends through here.
    /// </summary>
    internal static double FinishDot(Vector256<double> a0, Vector256<double> a1, Vector256<double> a2, Vector256<double> a3,
        ref double xr, ref double yr, nuint i, nuint n)
    {
        for (; i + 4 <= n; i += 4)
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, i), Vector256.LoadUnsafe(ref yr, i), a0);
        var v = (a0 + a1) + (a2 + a3);
        double s = (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
        for (; i < n; i++) s = Math.FusedMultiplyAdd(Unsafe.Add(ref xr, i), Unsafe.Add(ref yr, i), s);
        return s;
    }

    /// <summary>
    /// dest[j] = <see cref="Dot"/>(x, rows[j·n ..][..n]) for the dest.Length rows of length n = x.Length
    /// stored one after another, each to the bit: the same sixteen partial sums per row, folded the same
    /// way, the same tail. Four rows go at once, sharing every load of x.
    /// </summary>
    public static void Dots(ReadOnlySpan<double> x, ReadOnlySpan<double> rows, Span<double> dest)
    {
        int n = x.Length, count = dest.Length;
        if (rows.Length < n * count) throw new ArgumentException($"{count} rows of {n} need {n * count} values, not {rows.Length}");
        int j = 0;
        // Without 256-bit hardware each row goes through Dot's Vector128 twin instead.
        for (;
            // Stryker disable once Equality : Dot4 gives each row Dot's bits, so fewer blocks of four rows change none (docs/mutation-survivors.md)
            j + 4 <= count &&
            // Stryker disable once Boolean : Dot4 gives each row Dot's bits (docs/mutation-survivors.md)
            Vector256.IsHardwareAccelerated; j += 4)
            Dot4(x, rows.Slice(j * n, 4 * n), dest.Slice(j, 4));
        for (; j < count; j++) dest[j] = Dot(x, rows.Slice(j * n, n));
    }

    private static void Dot4(ReadOnlySpan<double> x, ReadOnlySpan<double> rows, Span<double> dest)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double y0 = ref MemoryMarshal.GetReference(rows);
        nuint n = (nuint)x.Length, i = 0;
        ref double y1 = ref Unsafe.Add(ref y0, n);
        ref double y2 = ref Unsafe.Add(ref y1, n);
        ref double y3 = ref Unsafe.Add(ref y2, n);
        Vector256<double> a00 = default, a01 = default, a02 = default, a03 = default;
        Vector256<double> a10 = default, a11 = default, a12 = default, a13 = default;
        Vector256<double> a20 = default, a21 = default, a22 = default, a23 = default;
        Vector256<double> a30 = default, a31 = default, a32 = default, a33 = default;
        for (; i + 16 <= n; i += 16)
        {
            var x0 = Vector256.LoadUnsafe(ref xr, i);
            var x1 = Vector256.LoadUnsafe(ref xr, i + 4);
            var x2 = Vector256.LoadUnsafe(ref xr, i + 8);
            var x3 = Vector256.LoadUnsafe(ref xr, i + 12);
            a00 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref y0, i), a00);
            a01 = Vector256.FusedMultiplyAdd(x1, Vector256.LoadUnsafe(ref y0, i + 4), a01);
            a02 = Vector256.FusedMultiplyAdd(x2, Vector256.LoadUnsafe(ref y0, i + 8), a02);
            a03 = Vector256.FusedMultiplyAdd(x3, Vector256.LoadUnsafe(ref y0, i + 12), a03);
            a10 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref y1, i), a10);
            a11 = Vector256.FusedMultiplyAdd(x1, Vector256.LoadUnsafe(ref y1, i + 4), a11);
            a12 = Vector256.FusedMultiplyAdd(x2, Vector256.LoadUnsafe(ref y1, i + 8), a12);
            a13 = Vector256.FusedMultiplyAdd(x3, Vector256.LoadUnsafe(ref y1, i + 12), a13);
            a20 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref y2, i), a20);
            a21 = Vector256.FusedMultiplyAdd(x1, Vector256.LoadUnsafe(ref y2, i + 4), a21);
            a22 = Vector256.FusedMultiplyAdd(x2, Vector256.LoadUnsafe(ref y2, i + 8), a22);
            a23 = Vector256.FusedMultiplyAdd(x3, Vector256.LoadUnsafe(ref y2, i + 12), a23);
            a30 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref y3, i), a30);
            a31 = Vector256.FusedMultiplyAdd(x1, Vector256.LoadUnsafe(ref y3, i + 4), a31);
            a32 = Vector256.FusedMultiplyAdd(x2, Vector256.LoadUnsafe(ref y3, i + 8), a32);
            a33 = Vector256.FusedMultiplyAdd(x3, Vector256.LoadUnsafe(ref y3, i + 12), a33);
        }
        for (; i + 4 <= n; i += 4)
        {
            var x0 = Vector256.LoadUnsafe(ref xr, i);
            a00 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref y0, i), a00);
            a10 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref y1, i), a10);
            a20 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref y2, i), a20);
            a30 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref y3, i), a30);
        }
        // Each row's fold exactly as Dot's: v = (a0 + a1) + (a2 + a3), then (v0 + v1) + (v2 + v3).
        var v0 = (a00 + a01) + (a02 + a03);
        var v1 = (a10 + a11) + (a12 + a13);
        var v2 = (a20 + a21) + (a22 + a23);
        var v3 = (a30 + a31) + (a32 + a33);
        double s0 = (v0.GetElement(0) + v0.GetElement(1)) + (v0.GetElement(2) + v0.GetElement(3));
        double s1 = (v1.GetElement(0) + v1.GetElement(1)) + (v1.GetElement(2) + v1.GetElement(3));
        double s2 = (v2.GetElement(0) + v2.GetElement(1)) + (v2.GetElement(2) + v2.GetElement(3));
        double s3 = (v3.GetElement(0) + v3.GetElement(1)) + (v3.GetElement(2) + v3.GetElement(3));
        for (; i < n; i++)
        {
            double xi = Unsafe.Add(ref xr, i);
            s0 = Math.FusedMultiplyAdd(xi, Unsafe.Add(ref y0, i), s0);
            s1 = Math.FusedMultiplyAdd(xi, Unsafe.Add(ref y1, i), s1);
            s2 = Math.FusedMultiplyAdd(xi, Unsafe.Add(ref y2, i), s2);
            s3 = Math.FusedMultiplyAdd(xi, Unsafe.Add(ref y3, i), s3);
        }
        dest[0] = s0;
        dest[1] = s1;
        dest[2] = s2;
        dest[3] = s3;
    }

    /// <summary>Σ x[i] in the same fixed order as <see cref="Dot"/>.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        // Stryker disable once Boolean : NarrowSum gives Sum's bits (NarrowKernelTests) (docs/mutation-survivors.md)
        if (!Vector256.IsHardwareAccelerated) return NarrowSum(ref xr, (nuint)x.Length);
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
        if (
            // Stryker disable once Boolean : the scalar tail rounds the same products (docs/mutation-survivors.md)
            Vector256.IsHardwareAccelerated)
        // Stryker disable once Block : the scalar tail rounds the same products (docs/mutation-survivors.md)
        {
            for (;
                // Stryker disable once Equality,Arithmetic : fewer vector blocks leave more to the scalar tail, which rounds the same products (docs/mutation-survivors.md)
                i + 4 <= n; i += 4)
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
