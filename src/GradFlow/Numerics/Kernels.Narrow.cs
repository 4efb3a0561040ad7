using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

public static partial class Kernels
{
    /// <summary>
    /// <see cref="Dot"/> where there is no 256-bit hardware (Vector256 would be emulated, slower than scalar
    /// code): the same sixteen lanes as eight Vector128 accumulators (lanes 0–1, 2–3, … of Dot's a0 … a3),
    /// the remaining blocks of four into a0's two halves, the same fold: (a0 + a1) + (a2 + a3) per half,
    /// then (v0 + v1) + (v2 + v3), the same tail. Each lane sees the same operations, so the same bits.
    /// </summary>
    internal static double NarrowDot(ref double xr, ref double yr, nuint n)
    {
        nuint i = 0;
        Vector128<double> a0l = default, a0h = default, a1l = default, a1h = default, a2l = default, a2h = default, a3l = default, a3h = default;
        for (; i + 16 <= n; i += 16)
        {
            a0l = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i), Vector128.LoadUnsafe(ref yr, i), a0l);
            a0h = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i + 2), Vector128.LoadUnsafe(ref yr, i + 2), a0h);
            a1l = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i + 4), Vector128.LoadUnsafe(ref yr, i + 4), a1l);
            a1h = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i + 6), Vector128.LoadUnsafe(ref yr, i + 6), a1h);
            a2l = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i + 8), Vector128.LoadUnsafe(ref yr, i + 8), a2l);
            a2h = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i + 10), Vector128.LoadUnsafe(ref yr, i + 10), a2h);
            a3l = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i + 12), Vector128.LoadUnsafe(ref yr, i + 12), a3l);
            a3h = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i + 14), Vector128.LoadUnsafe(ref yr, i + 14), a3h);
        }
        for (; i + 4 <= n; i += 4)
        {
            a0l = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i), Vector128.LoadUnsafe(ref yr, i), a0l);
            a0h = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref xr, i + 2), Vector128.LoadUnsafe(ref yr, i + 2), a0h);
        }
        double s = Fold(a0l, a0h, a1l, a1h, a2l, a2h, a3l, a3h);
        for (; i < n; i++) s = Math.FusedMultiplyAdd(Unsafe.Add(ref xr, i), Unsafe.Add(ref yr, i), s);
        return s;
    }

    /// <summary><see cref="Sum"/> where there is no 256-bit hardware, in the lanes and fold of <see cref="NarrowDot"/>.</summary>
    internal static double NarrowSum(ref double xr, nuint n)
    {
        nuint i = 0;
        Vector128<double> a0l = default, a0h = default, a1l = default, a1h = default, a2l = default, a2h = default, a3l = default, a3h = default;
        for (; i + 16 <= n; i += 16)
        {
            a0l += Vector128.LoadUnsafe(ref xr, i);
            a0h += Vector128.LoadUnsafe(ref xr, i + 2);
            a1l += Vector128.LoadUnsafe(ref xr, i + 4);
            a1h += Vector128.LoadUnsafe(ref xr, i + 6);
            a2l += Vector128.LoadUnsafe(ref xr, i + 8);
            a2h += Vector128.LoadUnsafe(ref xr, i + 10);
            a3l += Vector128.LoadUnsafe(ref xr, i + 12);
            a3h += Vector128.LoadUnsafe(ref xr, i + 14);
        }
        for (; i + 4 <= n; i += 4)
        {
            a0l += Vector128.LoadUnsafe(ref xr, i);
            a0h += Vector128.LoadUnsafe(ref xr, i + 2);
        }
        double s = Fold(a0l, a0h, a1l, a1h, a2l, a2h, a3l, a3h);
        for (; i < n; i++) s += Unsafe.Add(ref xr, i);
        return s;
    }

    // Dot's fold on halves: v = (a0 + a1) + (a2 + a3) lane by lane, then (v0 + v1) + (v2 + v3).
    private static double Fold(Vector128<double> a0l, Vector128<double> a0h, Vector128<double> a1l, Vector128<double> a1h,
        Vector128<double> a2l, Vector128<double> a2h, Vector128<double> a3l, Vector128<double> a3h)
    {
        var vl = (a0l + a1l) + (a2l + a3l);
        var vh = (a0h + a1h) + (a2h + a3h);
        return (vl.GetElement(0) + vl.GetElement(1)) + (vh.GetElement(0) + vh.GetElement(1));
    }
}
