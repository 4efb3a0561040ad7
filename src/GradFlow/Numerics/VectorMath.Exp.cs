using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

public static partial class VectorMath
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2High = 0.6931471805599453;
    private const double Ln2Low = 2.3190468138462996e-17;

    // Beyond ±1400 every double's exp is 0 or ∞ already; the clamp keeps k within two normal scale factors.
    private const double ExpClamp = 1400.0;

    // RoundingShifter + 1023: its sum with an integer k holds the biased exponent k + 1023 in its low 12 bits.
    private const double ExponentShifter = RoundingShifter + 1023;

    // e^r = 1 + r + r²·Q(r) on |r| ≤ ln2/2; Q's 11 coefficients, lowest degree first (fit error < 1e-18).
    private const double E0 = 0.5;
    private const double E1 = 0.1666666666666667;
    private const double E2 = 0.04166666666666667;
    private const double E3 = 0.008333333333326141;
    private const double E4 = 0.0013888888888883752;
    private const double E5 = 0.00019841269874800493;
    private const double E6 = 2.4801587325533363e-05;
    private const double E7 = 2.7557255425746435e-06;
    private const double E8 = 2.7557273661348637e-07;
    private const double E9 = 2.510520637395729e-08;
    private const double E10 = 2.0914679376584133e-09;

    /// <summary>
    /// e^x lane by lane: x = k·ln 2 + r with |r| ≤ ln2/2 (Cody–Waite, the first step exact under FMA),
    /// e^r by a degree-12 polynomial, then ·2^k in two exact-or-once-rounded factors so that subnormal
    /// results round once. exp(−∞) = 0, exp(+∞) = ∞, NaN passes through.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        var c = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(-ExpClamp)), Vector256.Create(-ExpClamp), x);
        c = Vector256.ConditionalSelect(Vector256.GreaterThan(c, Vector256.Create(ExpClamp)), Vector256.Create(ExpClamp), c);
        return PassNaN(x, ExpCore(c));
    }

    /// <summary>The scalar twin of <see cref="Exp(Vector256{double})"/>: the same bits for every x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x)
    {
        // Stryker disable once Equality : at x = −1400 both arms give −1400 (<= for <)
        double c = x < -ExpClamp ? -ExpClamp : x;
        // Stryker disable once Equality : at c = 1400 both arms give 1400 (>= for >)
        c = c > ExpClamp ? ExpClamp : c;
        return PassNaN(x, ExpCore(c));
    }

    /// <summary>e^c for c in [−1400, 1400]; a NaN lane gives some NaN (callers pass NaN through themselves).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpCore(Vector256<double> c)
    {
        var kd = Vector256.FusedMultiplyAdd(c, Vector256.Create(Log2E), Vector256.Create(RoundingShifter)) - Vector256.Create(RoundingShifter);
        var r = Vector256.FusedMultiplyAdd(kd, Vector256.Create(-Ln2High), c);
        r = Vector256.FusedMultiplyAdd(kd, Vector256.Create(-Ln2Low), r);
        var p = ExpPolynomial(r);
        // 2^k = 2^k1 · 2^k2 with k1 = round(k/2): each factor normal for |k| ≤ 2020.
        var z1 = kd * Vector256.Create(0.5) + Vector256.Create(ExponentShifter);
        var k1 = z1 - Vector256.Create(ExponentShifter);
        var z2 = (kd - k1) + Vector256.Create(ExponentShifter);
        var s1 = Vector256.ShiftLeft(z1.AsInt64(), 52).AsDouble();
        var s2 = Vector256.ShiftLeft(z2.AsInt64(), 52).AsDouble();
        return p * s1 * s2;
    }

    /// <summary>The eight-lane <see cref="Exp(Vector256{double})"/>: each lane the bits of the four-lane and scalar forms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        var c = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(-ExpClamp)), Vector512.Create(-ExpClamp), x);
        c = Vector512.ConditionalSelect(Vector512.GreaterThan(c, Vector512.Create(ExpClamp)), Vector512.Create(ExpClamp), c);
        return PassNaN(x, ExpCore(c));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ExpCore(Vector512<double> c)
    {
        var kd = Vector512.FusedMultiplyAdd(c, Vector512.Create(Log2E), Vector512.Create(RoundingShifter)) - Vector512.Create(RoundingShifter);
        var r = Vector512.FusedMultiplyAdd(kd, Vector512.Create(-Ln2High), c);
        r = Vector512.FusedMultiplyAdd(kd, Vector512.Create(-Ln2Low), r);
        var p = ExpPolynomial(r);
        var z1 = kd * Vector512.Create(0.5) + Vector512.Create(ExponentShifter);
        var k1 = z1 - Vector512.Create(ExponentShifter);
        var z2 = (kd - k1) + Vector512.Create(ExponentShifter);
        var s1 = Vector512.ShiftLeft(z1.AsInt64(), 52).AsDouble();
        var s2 = Vector512.ShiftLeft(z2.AsInt64(), 52).AsDouble();
        return p * s1 * s2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExpCore(double c)
    {
        double kd = Math.FusedMultiplyAdd(c, Log2E, RoundingShifter) - RoundingShifter;
        double r = Math.FusedMultiplyAdd(kd, -Ln2High, c);
        r = Math.FusedMultiplyAdd(kd, -Ln2Low, r);
        double p = ExpPolynomial(r);
        double z1 = kd * 0.5 + ExponentShifter;
        double k1 = z1 - ExponentShifter;
        double z2 = (kd - k1) + ExponentShifter;
        double s1 = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(z1) << 52);
        double s2 = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(z2) << 52);
        return p * s1 * s2;
    }

    // e^r = 1 + r·(1 + r·Q(r)): the last two steps Horner, so that their roundings stay below half an ulp;
    // Q itself in Estrin's scheme (its rounding is damped by r²), which halves the dependency chain.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpPolynomial(Vector256<double> r)
    {
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var p0 = Vector256.FusedMultiplyAdd(Vector256.Create(E1), r, Vector256.Create(E0));
        var p1 = Vector256.FusedMultiplyAdd(Vector256.Create(E3), r, Vector256.Create(E2));
        var p2 = Vector256.FusedMultiplyAdd(Vector256.Create(E5), r, Vector256.Create(E4));
        var p3 = Vector256.FusedMultiplyAdd(Vector256.Create(E7), r, Vector256.Create(E6));
        var p4 = Vector256.FusedMultiplyAdd(Vector256.Create(E9), r, Vector256.Create(E8));
        var q0 = Vector256.FusedMultiplyAdd(p1, r2, p0);
        var q1 = Vector256.FusedMultiplyAdd(p3, r2, p2);
        var q2 = Vector256.FusedMultiplyAdd(Vector256.Create(E10), r2, p4);
        var q = Vector256.FusedMultiplyAdd(q2, r8, Vector256.FusedMultiplyAdd(q1, r4, q0));
        q = Vector256.FusedMultiplyAdd(q, r, Vector256<double>.One);
        return Vector256.FusedMultiplyAdd(q, r, Vector256<double>.One);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ExpPolynomial(Vector512<double> r)
    {
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var p0 = Vector512.FusedMultiplyAdd(Vector512.Create(E1), r, Vector512.Create(E0));
        var p1 = Vector512.FusedMultiplyAdd(Vector512.Create(E3), r, Vector512.Create(E2));
        var p2 = Vector512.FusedMultiplyAdd(Vector512.Create(E5), r, Vector512.Create(E4));
        var p3 = Vector512.FusedMultiplyAdd(Vector512.Create(E7), r, Vector512.Create(E6));
        var p4 = Vector512.FusedMultiplyAdd(Vector512.Create(E9), r, Vector512.Create(E8));
        var q0 = Vector512.FusedMultiplyAdd(p1, r2, p0);
        var q1 = Vector512.FusedMultiplyAdd(p3, r2, p2);
        var q2 = Vector512.FusedMultiplyAdd(Vector512.Create(E10), r2, p4);
        var q = Vector512.FusedMultiplyAdd(q2, r8, Vector512.FusedMultiplyAdd(q1, r4, q0));
        q = Vector512.FusedMultiplyAdd(q, r, Vector512<double>.One);
        return Vector512.FusedMultiplyAdd(q, r, Vector512<double>.One);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExpPolynomial(double r)
    {
        double r2 = r * r;
        double r4 = r2 * r2;
        double r8 = r4 * r4;
        double p0 = Math.FusedMultiplyAdd(E1, r, E0);
        double p1 = Math.FusedMultiplyAdd(E3, r, E2);
        double p2 = Math.FusedMultiplyAdd(E5, r, E4);
        double p3 = Math.FusedMultiplyAdd(E7, r, E6);
        double p4 = Math.FusedMultiplyAdd(E9, r, E8);
        double q0 = Math.FusedMultiplyAdd(p1, r2, p0);
        double q1 = Math.FusedMultiplyAdd(p3, r2, p2);
        double q2 = Math.FusedMultiplyAdd(E10, r2, p4);
        double q = Math.FusedMultiplyAdd(q2, r8, Math.FusedMultiplyAdd(q1, r4, q0));
        q = Math.FusedMultiplyAdd(q, r, 1.0);
        return Math.FusedMultiplyAdd(q, r, 1.0);
    }
}
