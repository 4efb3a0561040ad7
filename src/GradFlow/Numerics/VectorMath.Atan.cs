using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

public static partial class VectorMath
{
    // atan |x| = atan c + atan r with r = (|x| − c)/(1 + c|x|), c ∈ {0, 1/2, 1, 3/2} on the intervals split at
    // 7/16, 11/16, 19/16, and π/2 + atan(−1/|x|) from 39/16 on (the fdlibm breakpoints): |r| ≤ 7/16 throughout,
    // and the numerator, written (A|x| − B) with A, B small integers, is exact.
    private const double AtanBreak1 = 0.4375;
    private const double AtanBreak2 = 0.6875;
    private const double AtanBreak3 = 1.1875;
    private const double AtanBreak4 = 2.4375;

    // atan c split as high + low so that the sum keeps ~107 bits of the offset.
    private const double AtanHalfHigh = 0.4636476090008061;
    private const double AtanHalfLow = 2.2698777452961687e-17;
    private const double QuarterPiHigh = 0.7853981633974483;
    private const double QuarterPiLow = 3.061616997868383e-17;
    private const double AtanThreeHalvesHigh = 0.982793723247329;
    private const double AtanThreeHalvesLow = 1.3903311031230998e-17;
    private const double HalfPiHigh = 1.5707963267948966;
    private const double HalfPiLow = 6.123233995736766e-17;

    // atan r = r + r³·P(r²) on |r| ≤ 7/16; P's 12 coefficients, lowest degree first, evaluated in Estrin's scheme.
    private const double A0 = -0.3333333333333333;
    private const double A1 = 0.1999999999999941;
    private const double A2 = -0.14285714285566806;
    private const double A3 = 0.11111111096645038;
    private const double A4 = -0.09090908355602592;
    private const double A5 = 0.07692285554889286;
    private const double A6 = -0.06666241923359964;
    private const double A7 = 0.05876946456755061;
    private const double A8 = -0.05216679739313656;
    private const double A9 = 0.04492259293193656;
    private const double A10 = -0.033128134256069586;
    private const double A11 = 0.014773184616983806;

    /// <summary>
    /// atan x lane by lane: one division reduces |x| to |r| ≤ 7/16, an odd polynomial gives atan r, and
    /// the offset atan c is added as high + (atan r + low). atan(±0) = ±0, atan(±∞) = ±π/2, NaN passes through.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Atan(Vector256<double> x)
    {
        var ax = Abs(x);
        var b1 = Vector256.GreaterThanOrEqual(ax, Vector256.Create(AtanBreak1));
        var b2 = Vector256.GreaterThanOrEqual(ax, Vector256.Create(AtanBreak2));
        var b3 = Vector256.GreaterThanOrEqual(ax, Vector256.Create(AtanBreak3));
        var b4 = Vector256.GreaterThanOrEqual(ax, Vector256.Create(AtanBreak4));
        // Where all four lanes lie in one interval, its constants are used as they are instead of being
        // selected lane by lane: the same values, so the same bits (a NaN lane, in no interval, takes the first).
        uint m1 = b1.ExtractMostSignificantBits(), m2 = b2.ExtractMostSignificantBits();
        uint m3 = b3.ExtractMostSignificantBits(), m4 = b4.ExtractMostSignificantBits();
        Vector256<double> atan;
        if (m1 == 0) atan = AtanReduced(ax, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        else if (m4 == 0b1111) atan = AtanReduced(ax, Vector256.Create(-1.0), Vector256<double>.One, Vector256<double>.Zero, HalfPiHigh, HalfPiLow);
        // The breaks increase, so m4 ⊆ m3 ⊆ m2 ⊆ m1 (a NaN lane is in none): m2 == 0 implies m3 == m4 == 0.
        else if (m1 == 0b1111 && m2 == 0) atan = AtanReduced(ax, 2.0, -1.0, 1.0, 2.0, AtanHalfHigh, AtanHalfLow);
        else if (m2 == 0b1111 && m3 == 0) atan = AtanReduced(ax, 1.0, -1.0, 1.0, 1.0, QuarterPiHigh, QuarterPiLow);
        else if (m3 == 0b1111 && m4 == 0) atan = AtanReduced(ax, 2.0, -3.0, 3.0, 2.0, AtanThreeHalvesHigh, AtanThreeHalvesLow);
        else
        {
            // r = (A|x| − B)/(C|x| + D): (1, 0, 0, 1), (2, 1, 1, 2), (1, 1, 1, 1), (2, 3, 3, 2), then −1/|x|.
            var a = Pick(b1, b2, b3, 1.0, 2.0, 1.0, 2.0);
            var negB = Pick(b1, b2, b3, 0.0, -1.0, -1.0, -3.0);
            var c = Vector256.ConditionalSelect(b4, Vector256<double>.One, Pick(b1, b2, b3, 0.0, 1.0, 1.0, 3.0));
            var d = Vector256.ConditionalSelect(b4, Vector256<double>.Zero, Pick(b1, b2, b3, 1.0, 2.0, 1.0, 2.0));
            var high = Vector256.ConditionalSelect(b4, Vector256.Create(HalfPiHigh), Pick(b1, b2, b3, 0.0, AtanHalfHigh, QuarterPiHigh, AtanThreeHalvesHigh));
            var low = Vector256.ConditionalSelect(b4, Vector256.Create(HalfPiLow), Pick(b1, b2, b3, 0.0, AtanHalfLow, QuarterPiLow, AtanThreeHalvesLow));
            var num = Vector256.ConditionalSelect(b4, Vector256.Create(-1.0), Vector256.FusedMultiplyAdd(ax, a, negB));
            atan = AtanReduced(ax, num, c, d, high, low);
        }
        return PassNaN(x, WithSignOf(atan, x));
    }

    /// <summary>atan |x| on one of the first four intervals: r = (A|x| − B)/(C|x| + D), then high + (atan r + low).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> AtanReduced(Vector256<double> ax, double a, double negB, double c, double d, double high, double low) =>
        AtanReduced(ax, Vector256.FusedMultiplyAdd(ax, Vector256.Create(a), Vector256.Create(negB)), Vector256.Create(c), Vector256.Create(d), high, low);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> AtanReduced(Vector256<double> ax, Vector256<double> num, Vector256<double> c, Vector256<double> d, double high, double low) =>
        AtanReduced(ax, num, c, d, Vector256.Create(high), Vector256.Create(low));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> AtanReduced(Vector256<double> ax, Vector256<double> num, Vector256<double> c, Vector256<double> d, Vector256<double> high, Vector256<double> low)
    {
        var den = Vector256.FusedMultiplyAdd(ax, c, d);
        var r = num / den;
        var s = r * r;
        var atanR = Vector256.FusedMultiplyAdd(r * s, AtanPolynomial(s), r);
        return high + (atanR + low);
    }

    /// <summary>The scalar twin of <see cref="Atan(Vector256{double})"/>: the same bits for every x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Atan(double x)
    {
        double ax = Abs(x);
        // Stryker disable once Equality : > for >= moves only |x| = 7/16, 11/16, 19/16, 39/16 into the interval below, whose form gives the same bits there (VectorMathBreakpointTests: the vector kernel, with >=, agrees lane by lane); the killed < twins are skipped too
        bool b1 = ax >= AtanBreak1, b2 = ax >= AtanBreak2, b3 = ax >= AtanBreak3, b4 = ax >= AtanBreak4;
        double a = Pick(b1, b2, b3, 1.0, 2.0, 1.0, 2.0);
        double negB = Pick(b1, b2, b3, 0.0, -1.0, -1.0, -3.0);
        double c = b4 ? 1.0 : Pick(b1, b2, b3, 0.0, 1.0, 1.0, 3.0);
        double d = b4 ? 0.0 : Pick(b1, b2, b3, 1.0, 2.0, 1.0, 2.0);
        double high = b4 ? HalfPiHigh : Pick(b1, b2, b3, 0.0, AtanHalfHigh, QuarterPiHigh, AtanThreeHalvesHigh);
        double low = b4 ? HalfPiLow : Pick(b1, b2, b3, 0.0, AtanHalfLow, QuarterPiLow, AtanThreeHalvesLow);
        double num = b4 ? -1.0 : Math.FusedMultiplyAdd(ax, a, negB);
        double den = Math.FusedMultiplyAdd(ax, c, d);
        double r = num / den;
        double s = r * r;
        double atanR = Math.FusedMultiplyAdd(r * s, AtanPolynomial(s), r);
        return PassNaN(x, WithSignOf(high + (atanR + low), x));
    }

    /// <summary>v0 below the first break, v1, v2, v3 from the first, second, third break on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Pick(Vector256<double> b1, Vector256<double> b2, Vector256<double> b3, double v0, double v1, double v2, double v3) =>
        Vector256.ConditionalSelect(b3, Vector256.Create(v3),
            Vector256.ConditionalSelect(b2, Vector256.Create(v2),
                Vector256.ConditionalSelect(b1, Vector256.Create(v1), Vector256.Create(v0))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Pick(bool b1, bool b2, bool b3, double v0, double v1, double v2, double v3) =>
        b3 ? v3 : b2 ? v2 : b1 ? v1 : v0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> AtanPolynomial(Vector256<double> s)
    {
        var s2 = s * s;
        var s4 = s2 * s2;
        var s8 = s4 * s4;
        var p0 = Vector256.FusedMultiplyAdd(Vector256.Create(A1), s, Vector256.Create(A0));
        var p1 = Vector256.FusedMultiplyAdd(Vector256.Create(A3), s, Vector256.Create(A2));
        var p2 = Vector256.FusedMultiplyAdd(Vector256.Create(A5), s, Vector256.Create(A4));
        var p3 = Vector256.FusedMultiplyAdd(Vector256.Create(A7), s, Vector256.Create(A6));
        var p4 = Vector256.FusedMultiplyAdd(Vector256.Create(A9), s, Vector256.Create(A8));
        var p5 = Vector256.FusedMultiplyAdd(Vector256.Create(A11), s, Vector256.Create(A10));
        var q0 = Vector256.FusedMultiplyAdd(p1, s2, p0);
        var q1 = Vector256.FusedMultiplyAdd(p3, s2, p2);
        var q2 = Vector256.FusedMultiplyAdd(p5, s2, p4);
        return Vector256.FusedMultiplyAdd(q2, s8, Vector256.FusedMultiplyAdd(q1, s4, q0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double AtanPolynomial(double s)
    {
        double s2 = s * s;
        double s4 = s2 * s2;
        double s8 = s4 * s4;
        double p0 = Math.FusedMultiplyAdd(A1, s, A0);
        double p1 = Math.FusedMultiplyAdd(A3, s, A2);
        double p2 = Math.FusedMultiplyAdd(A5, s, A4);
        double p3 = Math.FusedMultiplyAdd(A7, s, A6);
        double p4 = Math.FusedMultiplyAdd(A9, s, A8);
        double p5 = Math.FusedMultiplyAdd(A11, s, A10);
        double q0 = Math.FusedMultiplyAdd(p1, s2, p0);
        double q1 = Math.FusedMultiplyAdd(p3, s2, p2);
        double q2 = Math.FusedMultiplyAdd(p5, s2, p4);
        return Math.FusedMultiplyAdd(q2, s8, Math.FusedMultiplyAdd(q1, s4, q0));
    }
}
