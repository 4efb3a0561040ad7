using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

public static partial class VectorMath
{
    // Below it tanh is an odd polynomial; from it on, 1 − 2m/(1 + m) with m = e^(−2|x|) ≤ 0.29 never cancels.
    private const double TanhSwitch = 0.625;
    private const double TanhExpLimit = ExpClamp / 2;

    // tanh x = x + x³·P(x²) on |x| < 0.625; P's 12 coefficients, lowest degree first, evaluated in Estrin's
    // scheme (a short dependency chain; its rounding is damped by the factor x² ≤ 0.39 of the correction term).
    private const double T0 = -0.3333333333333333;
    private const double T1 = 0.13333333333333042;
    private const double T2 = -0.05396825396789699;
    private const double T3 = 0.021869488519008305;
    private const double T4 = -0.008863235103240878;
    private const double T5 = 0.0035921217511549622;
    private const double T6 = -0.0014557754120478055;
    private const double T7 = 0.0005896606577757043;
    private const double T8 = -0.0002375906496055562;
    private const double T9 = 9.257116129556769e-05;
    private const double T10 = -3.12011014257974e-05;
    private const double T11 = 6.485163482793113e-06;

    /// <summary>
    /// tanh x and its derivative sech² x = 1 − tanh² x, both with full relative accuracy on the whole line.
    /// |x| &lt; 0.625: t = x + x³P(x²), sech² = 1 − t² (≥ 0.69, no cancellation). Otherwise, with
    /// m = e^(−2|x|) and q = 2m/(1 + m) = 1 − |t|: t = 1 − q and sech² = (1 − t)(1 + t) = q(2 − q), so the
    /// derivative's tail (≈ 4e^(−2|x|)) is as accurate as the exponential, never 1 − t² of a t near 1.
    /// tanh(±0) = ±0, tanh(±∞) = ±1 with sech² = 0, NaN passes through both.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Tanh(Vector256<double> x, out Vector256<double> sech2)
    {
        var ax = Abs(x);
        var small = Vector256.LessThan(ax, Vector256.Create(TanhSwitch));
        // Where all four lanes take the same form only that one is computed: each lane's bits are the same
        // either way (a NaN lane is never small, and is replaced at the end whichever form ran).
        Vector256<double> t, d;
        uint smallLanes = small.ExtractMostSignificantBits();
        if (smallLanes == 0b1111) t = TanhSmall(ax, out d);
        else if (smallLanes == 0) t = TanhLarge(ax, out d);
        else
        {
            var tSmall = TanhSmall(ax, out var dSmall);
            var tLarge = TanhLarge(ax, out var dLarge);
            t = Vector256.ConditionalSelect(small, tSmall, tLarge);
            d = Vector256.ConditionalSelect(small, dSmall, dLarge);
        }
        sech2 = PassNaN(x, d);
        return PassNaN(x, WithSignOf(t, x));
    }

    /// <summary>tanh and sech² of |x| &lt; 0.625: t = |x| + |x|³P(x²), sech² = 1 − t².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TanhSmall(Vector256<double> ax, out Vector256<double> sech2)
    {
        var s = ax * ax;
        var t = Vector256.FusedMultiplyAdd(ax * s, TanhPolynomial(s), ax);
        // Negating t could differ from the scalar only in the sign of a zero or a NaN: fma gives 1 for ±0, NaN lanes are replaced.
        sech2 = Vector256.FusedMultiplyAdd(-t, t, Vector256<double>.One);
        return t;
    }

    /// <summary>tanh and sech² of |x| ≥ 0.625 through m = e^(−2|x|): t = 1 − q, sech² = q(2 − q), q = 2m/(1 + m).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TanhLarge(Vector256<double> ax, out Vector256<double> sech2)
    {
        // e^(−2|x|), its argument clamped at −1400 where it is 0 anyway (NaN lanes are replaced at the end).
        var m = ExpCore(Vector256.Create(-2.0) * Vector256.ConditionalSelect(Vector256.GreaterThan(ax, Vector256.Create(TanhExpLimit)), Vector256.Create(TanhExpLimit), ax));
        var q = (m + m) / (Vector256<double>.One + m);
        sech2 = q * (Vector256.Create(2.0) - q);
        return Vector256<double>.One - q;
    }

    /// <summary>
    /// The eight-lane <see cref="Tanh(Vector256{double}, out Vector256{double})"/>: the same forms, chosen
    /// the same way per lane, so each lane has the bits of the four-lane and scalar forms.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Tanh(Vector512<double> x, out Vector512<double> sech2)
    {
        var ax = Abs(x);
        var small = Vector512.LessThan(ax, Vector512.Create(TanhSwitch));
        Vector512<double> t, d;
        ulong smallLanes = small.ExtractMostSignificantBits();
        if (smallLanes == 0xFF) t = TanhSmall(ax, out d);
        else if (smallLanes == 0) t = TanhLarge(ax, out d);
        else
        {
            var tSmall = TanhSmall(ax, out var dSmall);
            var tLarge = TanhLarge(ax, out var dLarge);
            t = Vector512.ConditionalSelect(small, tSmall, tLarge);
            d = Vector512.ConditionalSelect(small, dSmall, dLarge);
        }
        sech2 = PassNaN(x, d);
        return PassNaN(x, WithSignOf(t, x));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> TanhSmall(Vector512<double> ax, out Vector512<double> sech2)
    {
        var s = ax * ax;
        var t = Vector512.FusedMultiplyAdd(ax * s, TanhPolynomial(s), ax);
        sech2 = Vector512.FusedMultiplyAdd(-t, t, Vector512<double>.One);
        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> TanhLarge(Vector512<double> ax, out Vector512<double> sech2)
    {
        var m = ExpCore(Vector512.Create(-2.0) * Vector512.ConditionalSelect(Vector512.GreaterThan(ax, Vector512.Create(TanhExpLimit)), Vector512.Create(TanhExpLimit), ax));
        var q = (m + m) / (Vector512<double>.One + m);
        sech2 = q * (Vector512.Create(2.0) - q);
        return Vector512<double>.One - q;
    }

    /// <summary>The scalar twin of <see cref="Tanh(Vector256{double}, out Vector256{double})"/>: the same bits for every x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Tanh(double x, out double sech2)
    {
        double ax = Abs(x);
        double s = ax * ax;
        double tSmall = Math.FusedMultiplyAdd(ax * s, TanhPolynomial(s), ax);
        double dSmall = Math.FusedMultiplyAdd(-tSmall, tSmall, 1.0);

        // Stryker disable once Equality : at |x| = 700 both arms give 700 (>= for >)
        double m = ExpCore(-2.0 * (ax > TanhExpLimit ? TanhExpLimit : ax));
        double q = (m + m) / (1.0 + m);
        double tLarge = 1.0 - q;
        double dLarge = q * (2.0 - q);

        bool small = ax < TanhSwitch;
        sech2 = PassNaN(x, small ? dSmall : dLarge);
        return PassNaN(x, WithSignOf(small ? tSmall : tLarge, x));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TanhPolynomial(Vector256<double> s)
    {
        var s2 = s * s;
        var s4 = s2 * s2;
        var s8 = s4 * s4;
        var p0 = Vector256.FusedMultiplyAdd(Vector256.Create(T1), s, Vector256.Create(T0));
        var p1 = Vector256.FusedMultiplyAdd(Vector256.Create(T3), s, Vector256.Create(T2));
        var p2 = Vector256.FusedMultiplyAdd(Vector256.Create(T5), s, Vector256.Create(T4));
        var p3 = Vector256.FusedMultiplyAdd(Vector256.Create(T7), s, Vector256.Create(T6));
        var p4 = Vector256.FusedMultiplyAdd(Vector256.Create(T9), s, Vector256.Create(T8));
        var p5 = Vector256.FusedMultiplyAdd(Vector256.Create(T11), s, Vector256.Create(T10));
        var q0 = Vector256.FusedMultiplyAdd(p1, s2, p0);
        var q1 = Vector256.FusedMultiplyAdd(p3, s2, p2);
        var q2 = Vector256.FusedMultiplyAdd(p5, s2, p4);
        return Vector256.FusedMultiplyAdd(q2, s8, Vector256.FusedMultiplyAdd(q1, s4, q0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> TanhPolynomial(Vector512<double> s)
    {
        var s2 = s * s;
        var s4 = s2 * s2;
        var s8 = s4 * s4;
        var p0 = Vector512.FusedMultiplyAdd(Vector512.Create(T1), s, Vector512.Create(T0));
        var p1 = Vector512.FusedMultiplyAdd(Vector512.Create(T3), s, Vector512.Create(T2));
        var p2 = Vector512.FusedMultiplyAdd(Vector512.Create(T5), s, Vector512.Create(T4));
        var p3 = Vector512.FusedMultiplyAdd(Vector512.Create(T7), s, Vector512.Create(T6));
        var p4 = Vector512.FusedMultiplyAdd(Vector512.Create(T9), s, Vector512.Create(T8));
        var p5 = Vector512.FusedMultiplyAdd(Vector512.Create(T11), s, Vector512.Create(T10));
        var q0 = Vector512.FusedMultiplyAdd(p1, s2, p0);
        var q1 = Vector512.FusedMultiplyAdd(p3, s2, p2);
        var q2 = Vector512.FusedMultiplyAdd(p5, s2, p4);
        return Vector512.FusedMultiplyAdd(q2, s8, Vector512.FusedMultiplyAdd(q1, s4, q0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double TanhPolynomial(double s)
    {
        double s2 = s * s;
        double s4 = s2 * s2;
        double s8 = s4 * s4;
        double p0 = Math.FusedMultiplyAdd(T1, s, T0);
        double p1 = Math.FusedMultiplyAdd(T3, s, T2);
        double p2 = Math.FusedMultiplyAdd(T5, s, T4);
        double p3 = Math.FusedMultiplyAdd(T7, s, T6);
        double p4 = Math.FusedMultiplyAdd(T9, s, T8);
        double p5 = Math.FusedMultiplyAdd(T11, s, T10);
        double q0 = Math.FusedMultiplyAdd(p1, s2, p0);
        double q1 = Math.FusedMultiplyAdd(p3, s2, p2);
        double q2 = Math.FusedMultiplyAdd(p5, s2, p4);
        return Math.FusedMultiplyAdd(q2, s8, Math.FusedMultiplyAdd(q1, s4, q0));
    }
}
