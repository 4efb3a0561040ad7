using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

public static partial class VectorMath
{
    // ln 2 = Ln2Hi + Ln2Lo with Ln2Hi cut to 42 significant bits, so k·Ln2Hi is exact for every |k| ≤ 2^11.
    private const double LogLn2Hi = 0.6931471805598903;
    private const double LogLn2Lo = 5.497923018708371e-14;

    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double TwoTo54 = 18014398509481984.0;

    // Adding it to x's bits carries into the exponent exactly when the mantissa is ≥ that of √2 (high word 0x3ff6a09e).
    private const long LogMantissaShift = 0x0009_5F62_0000_0000; // (0x3ff00000 − 0x3fe6a09e) << 32
    private const long LogMantissaBase = 0x3FE6_A09E_0000_0000;
    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFF;
    private const long RoundingShifterBits = 0x4338_0000_0000_0000; // the bits of RoundingShifter

    // log((1 + s)/(1 − s)) = 2s + s·z·Q(z), z = s², on |s| ≤ 0.1716 (z ≤ 0.02944); Q's 8 coefficients,
    // lowest degree first (fit error, weighted by its effect on the log, 5.4e-19 relative).
    private const double L0 = 0.6666666666666666;
    private const double L1 = 0.4000000000000088;
    private const double L2 = 0.2857142857080361;
    private const double L3 = 0.22222222391715238;
    private const double L4 = 0.1818179563999168;
    private const double L5 = 0.1538623971049628;
    private const double L6 = 0.1326877293293615;
    private const double L7 = 0.13086628299248823;

    /// <summary>
    /// ln x lane by lane: x = 2^k·m with m ∈ [√2/2, √2) read off the bits (subnormals scaled by 2^54 first),
    /// f = m − 1 exact, s = f/(2 + f), and ln m = f − f²/2 + s·(f²/2 + z·Q(z)) (the fdlibm form); then
    /// k·ln2 + f is carried as an exact sum of two doubles, so the result rounds once more than the small
    /// correction: within 0.65 ulp. ln(±0) = −∞, ln(+∞) = +∞, ln of a negative number is NaN, NaN passes through.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        var subnormal = Vector256.LessThan(x, Vector256.Create(SmallestNormal));
        var xs = Vector256.ConditionalSelect(subnormal, x * Vector256.Create(TwoTo54), x);
        var ix = xs.AsInt64() + Vector256.Create(LogMantissaShift);
        var kd = (Vector256.ShiftRightLogical(ix, 52) + Vector256.Create(RoundingShifterBits)).AsDouble() - Vector256.Create(ExponentShifter);
        kd -= Vector256.ConditionalSelect(subnormal, Vector256.Create(54.0), Vector256<double>.Zero);
        var m = ((ix & Vector256.Create(MantissaMask)) + Vector256.Create(LogMantissaBase)).AsDouble();
        var f = m - Vector256<double>.One;

        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var h = Vector256.Create(0.5) * f;
        var hfsq = h * f;
        var hfsqErr = Vector256.FusedMultiplyAdd(h, f, -hfsq); // f²/2 − hfsq, exact
        var u = s * Vector256.FusedMultiplyAdd(z, LogPolynomial(z), hfsq);
        // k·Ln2Hi + f − f²/2 in two exact two-sums: |k·Ln2Hi| ≥ ln 2 > |f| unless k = 0 (then hi = f, lo = 0), and |hi| > f²/2.
        var kHi = kd * Vector256.Create(LogLn2Hi);
        var hi = kHi + f;
        var lo = (kHi - hi) + f;
        var hi2 = hi - hfsq;
        var lo2 = (hi - hi2) - hfsq;
        var r = hi2 + ((Vector256.FusedMultiplyAdd(kd, Vector256.Create(LogLn2Lo), lo) + lo2) + (u - hfsqErr));

        r = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), Vector256.Create(double.NegativeInfinity), r);
        r = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), Vector256.Create(double.NaN), r);
        r = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(double.PositiveInfinity)), x, r);
        return PassNaN(x, r);
    }

    /// <summary>The scalar twin of <see cref="Log(Vector256{double})"/>: the same bits for every x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x)
    {
        // Stryker disable once Equality : <= for < takes x = 2^−1022 through the 2^54 scaling, which is exact (k = −968 − 54 = −1022, the same m): the same bits
        bool subnormal = x < SmallestNormal;
        double xs = subnormal ? x * TwoTo54 : x;
        long ix = unchecked(BitConverter.DoubleToInt64Bits(xs) + LogMantissaShift);
        // Stryker disable once Bitwise : (ulong)ix is unsigned, where >> and >>> agree
        double kd = BitConverter.Int64BitsToDouble(unchecked((long)((ulong)ix >> 52) + RoundingShifterBits)) - ExponentShifter;
        kd -= subnormal ? 54.0 : 0.0;
        double m = BitConverter.Int64BitsToDouble(unchecked((ix & MantissaMask) + LogMantissaBase));
        double f = m - 1.0;

        double s = f / (2.0 + f);
        double z = s * s;
        double h = 0.5 * f;
        double hfsq = h * f;
        double hfsqErr = Math.FusedMultiplyAdd(h, f, -hfsq);
        double u = s * Math.FusedMultiplyAdd(z, LogPolynomial(z), hfsq);
        double kHi = kd * LogLn2Hi;
        double hi = kHi + f;
        double lo = (kHi - hi) + f;
        double hi2 = hi - hfsq;
        double lo2 = (hi - hi2) - hfsq;
        double r = hi2 + ((Math.FusedMultiplyAdd(kd, LogLn2Lo, lo) + lo2) + (u - hfsqErr));

        r = x == 0 ? double.NegativeInfinity : r;
        r = x < 0 ? double.NaN : r;
        r = x == double.PositiveInfinity ? x : r;
        return PassNaN(x, r);
    }

    /// <summary>destination[i] = ln x[i], four lanes at a time where the hardware has 256-bit vectors: the same bits either way.</summary>
    public static void Log(ReadOnlySpan<double> x, Span<double> destination) => Log(x, destination, Vector256.IsHardwareAccelerated);

    internal static void Log(ReadOnlySpan<double> x, Span<double> destination, bool vectorize)
    {
        if (destination.Length != x.Length) throw new ArgumentException($"span lengths differ: x {x.Length}, destination {destination.Length}");
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double dr = ref MemoryMarshal.GetReference(destination);
        nuint n = (nuint)x.Length, i = 0;
        // Stryker disable once Boolean,Block,Statement : scalar twin: the scalar loop gives the four-lane kernel's bits lane by lane (VectorMathTwinTests)
        if (vectorize)
        {
            for (;
                // Stryker disable once Equality,Arithmetic : scalar twin: the scalar loop gives the four-lane kernel's bits lane by lane (VectorMathTwinTests); i − 4 wraps the unsigned index, so the vector loop never runs
                i + 4 <= n; i += 4) Log(Vector256.LoadUnsafe(ref xr, i)).StoreUnsafe(ref dr, i);
        }
        for (; i < n; i++) Unsafe.Add(ref dr, i) = Log(Unsafe.Add(ref xr, i));
    }

    // ln 2 cut to 29 significant bits, so that e·SumLn2Hi is exact for every |e| < 2^24, and the rest.
    private const double SumLn2Hi = 0.6931471806019545;
    private const double SumLn2Lo = -4.2009150726810846e-11;
    private const long OneBits = 0x3FF0_0000_0000_0000;

    /// <summary>
    /// Σ ln(x[i] + offset), the elements in four lanes (lane j takes i ≡ j mod 4, in index order) and the
    /// lanes added as (l0 + l1) + (l2 + l3), whatever the vector width. Fast path: each lane keeps its
    /// arguments' binary exponents as an exact integer sum and their mantissas (in [1, 2)) as running
    /// products (one over i ≡ j, one over i ≡ j + 4 mod 8, joined at the end) renormalised to [1, 2) after
    /// every factor (exactly: by a power of two), so a lane costs one <see cref="Log(double)"/> in all:
    /// Σ ln = e·ln 2 + ln P. P's roundings move the sum by at most
    /// n·2^−53 in absolute terms, so the fast path is kept only where that is a small part of it: when the
    /// mean |ln| is at least 1/64 (relative error below 64·2^−53, typically far below). Otherwise, or if
    /// an argument is not a positive normal finite number (0, NaN, ∞, a subnormal), the sum is that of
    /// <see cref="Log(double)"/> of each argument, in the same lanes (−∞, NaN or +∞ where those arise; which
    /// NaN, when there are several, is not specified).
    /// </summary>
    public static double SumOfLogs(ReadOnlySpan<double> x, double offset) => SumOfLogs(x, offset, Vector256.IsHardwareAccelerated);

    internal static double SumOfLogs(ReadOnlySpan<double> x, double offset, bool vectorize)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        int n = x.Length, i = 0;
        // Eight running products (element i to product i mod 8), two per lane, so that two chains of
        // multiplications overlap; lane j's are joined at the end: P_j = P[j]·P[j + 4].
        Span<double> p = stackalloc double[8];
        Span<long> e = stackalloc long[8];
        p.Fill(1.0);
        bool normal = true;
        // Stryker disable once Boolean,Block : scalar twin: the scalar loop below keeps the same eight products and exponents, factor by factor (SumOfLogsTests); an emptied Vector512 branch leaves its work to the four-lane loop
        if (
            // Stryker disable once all : scalar twin: the vector loops run no block for fewer than four values, and the scalar loop gives their bits for any count (SumOfLogsTests)
            vectorize && n >= 4)
        {
            var add = Vector256.Create(offset);
            Vector256<long> exponentsA = Vector256<long>.Zero, exponentsB = Vector256<long>.Zero;
            Vector256<double> productA = Vector256<double>.One, productB = Vector256<double>.One;
            var outside = Vector256<double>.Zero;
            if (Vector512.IsHardwareAccelerated)
            {
                // Product i mod 8 is lane i mod 8 of one eight-lane product: the same factors in the same order.
                var add8 = Vector512.Create(offset);
                var exponents = Vector512<long>.Zero;
                var product = Vector512<double>.One;
                var outside8 = Vector512<double>.Zero;
                for (;
                    // Stryker disable once Equality : scalar twin: a block left over goes to the four-lane loop, product i mod 8 the same
                    i <= n - 8; i += 8)
                {
                    var a = Vector512.LoadUnsafe(ref xr, (nuint)i) + add8;
                    outside8 |= Outside(a);
                    product = MultiplyMantissa(product, ref exponents, a);
                }
                (productA, productB) = (product.GetLower(), product.GetUpper());
                (exponentsA, exponentsB) = (exponents.GetLower(), exponents.GetUpper());
                outside = outside8.GetLower() | outside8.GetUpper();
            }
            for (;
                // Stryker disable once Equality : scalar twin: a block left over goes to the half block or the scalar loop, product i mod 8 the same
                i <= n - 8; i += 8)
            {
                var a = Vector256.LoadUnsafe(ref xr, (nuint)i) + add;
                var b = Vector256.LoadUnsafe(ref xr, (nuint)i + 4) + add;
                outside |= Outside(a) | Outside(b);
                productA = MultiplyMantissa(productA, ref exponentsA, a);
                productB = MultiplyMantissa(productB, ref exponentsB, b);
            }
            if (
                // Stryker disable once Equality : scalar twin: four values left over go to the scalar loop, products i mod 8 the same
                i <= n - 4)
            {
                var a = Vector256.LoadUnsafe(ref xr, (nuint)i) + add;
                outside |= Outside(a);
                productA = MultiplyMantissa(productA, ref exponentsA, a);
                i += 4;
            }
            normal = outside.ExtractMostSignificantBits() == 0;
            productA.CopyTo(p);
            productB.CopyTo(p[4..]);
            exponentsA.CopyTo(e);
            exponentsB.CopyTo(e[4..]);
        }
        for (; i < n; i++)
        {
            double v = Unsafe.Add(ref xr, i) + offset;
            normal &= v >= SmallestNormal && v != double.PositiveInfinity;
            p[i & 7] = MultiplyMantissa(p[i & 7], ref e[i & 7], v);
        }
        if (!normal) return SumOfEachLog(x, offset, vectorize);
        Span<double> lane = stackalloc double[4];
        for (int j = 0; j < 4; j++)
        {
            long exponent = e[j] + e[j + 4];
            double product = MultiplyMantissa(p[j], ref exponent, p[j + 4]);
            // Every factor's biased exponent counted 1023 once, P[j + 4]'s too.
            long factors = (
                // Stryker disable once Bitwise : n is a span's length, never negative, where >> and >>> agree
                n >> 3) * 2L + ((n & 7) > j ? 1 : 0) + ((n & 7) > j + 4 ? 1 : 0) + 1;
            lane[j] = LaneLog(product, exponent - 1023L * factors);
        }
        double sum = (lane[0] + lane[1]) + (lane[2] + lane[3]);
        return Math.Abs(sum) >= n * (1.0 / 64) ? sum : SumOfEachLog(x, offset, vectorize);
    }

    /// <summary>All bits set in the lanes that are not positive normal finite numbers (NaN fails the first test).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Outside(Vector256<double> v) =>
        ~Vector256.GreaterThanOrEqual(v, Vector256.Create(SmallestNormal)) | Vector256.Equals(v, Vector256.Create(double.PositiveInfinity));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Outside(Vector512<double> v) =>
        ~Vector512.GreaterThanOrEqual(v, Vector512.Create(SmallestNormal)) | Vector512.Equals(v, Vector512.Create(double.PositiveInfinity));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> MultiplyMantissa(Vector512<double> product, ref Vector512<long> exponents, Vector512<double> v)
    {
        var bits = v.AsInt64();
        var m = ((bits & Vector512.Create(MantissaMask)) | Vector512.Create(OneBits)).AsDouble();
        var p = (product * m).AsInt64();
        exponents += Vector512.ShiftRightLogical(bits, 52) + (Vector512.ShiftRightLogical(p, 52) - Vector512.Create(1023L));
        return ((p & Vector512.Create(MantissaMask)) | Vector512.Create(OneBits)).AsDouble();
    }

    /// <summary>P·m(v) renormalised to [1, 2); the biased exponent of v and the carry are added to the exponents.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyMantissa(Vector256<double> product, ref Vector256<long> exponents, Vector256<double> v)
    {
        var bits = v.AsInt64();
        var m = ((bits & Vector256.Create(MantissaMask)) | Vector256.Create(OneBits)).AsDouble();
        var p = (product * m).AsInt64(); // in [1, 4)
        exponents += Vector256.ShiftRightLogical(bits, 52) + (Vector256.ShiftRightLogical(p, 52) - Vector256.Create(1023L));
        return ((p & Vector256.Create(MantissaMask)) | Vector256.Create(OneBits)).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MultiplyMantissa(double product, ref long exponents, double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        double m = BitConverter.Int64BitsToDouble((bits & MantissaMask) | OneBits);
        long p = BitConverter.DoubleToInt64Bits(product * m);
        // Stryker disable once Bitwise : both shifted operands are ulong, where >> and >>> agree
        exponents += (long)((ulong)bits >> 52) + ((long)((ulong)p >> 52) - 1023L);
        return BitConverter.Int64BitsToDouble((p & MantissaMask) | OneBits);
    }

    /// <summary>e·ln 2 + ln P: e·SumLn2Hi exact, the rest rounded once into the small term.</summary>
    private static double LaneLog(double product, long exponent)
    {
        double e = exponent;
        return Math.FusedMultiplyAdd(e, SumLn2Hi, Math.FusedMultiplyAdd(e, SumLn2Lo, Log(product)));
    }

    /// <summary>The other path of <see cref="SumOfLogs(ReadOnlySpan{double}, double)"/>: Σ Log(x[i] + offset) in the same lanes.</summary>
    private static double SumOfEachLog(ReadOnlySpan<double> x, double offset, bool vectorize)
    {
        ref double xr = ref MemoryMarshal.GetReference(x);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = x.Length, i = 0;
        // Stryker disable once Boolean,Block : scalar twin: the scalar loop adds the same logs into the same four lanes in the same order
        if (
            // Stryker disable once all : scalar twin (as the block below): fewer than four values run no vector block
            vectorize && n >= 4)
        {
            var add = Vector256.Create(offset);
            var sum = Vector256<double>.Zero;
            for (;
                // Stryker disable once Equality : scalar twin: a block left over goes to the scalar loop's same lanes
                i <= n - 4; i += 4) sum += Log(Vector256.LoadUnsafe(ref xr, (nuint)i) + add);
            (s0, s1, s2, s3) = (sum[0], sum[1], sum[2], sum[3]);
        }
        for (; i + 4 <= n; i += 4)
        {
            s0 += Log(x[i] + offset);
            s1 += Log(x[i + 1] + offset);
            s2 += Log(x[i + 2] + offset);
            s3 += Log(x[i + 3] + offset);
        }
        if (i < n) s0 += Log(x[i] + offset);
        if (i + 1 < n) s1 += Log(x[i + 1] + offset);
        if (i + 2 < n) s2 += Log(x[i + 2] + offset);
        return (s0 + s1) + (s2 + s3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LogPolynomial(Vector256<double> z)
    {
        var z2 = z * z;
        var z4 = z2 * z2;
        var p0 = Vector256.FusedMultiplyAdd(Vector256.Create(L1), z, Vector256.Create(L0));
        var p1 = Vector256.FusedMultiplyAdd(Vector256.Create(L3), z, Vector256.Create(L2));
        var p2 = Vector256.FusedMultiplyAdd(Vector256.Create(L5), z, Vector256.Create(L4));
        var p3 = Vector256.FusedMultiplyAdd(Vector256.Create(L7), z, Vector256.Create(L6));
        var q1 = Vector256.FusedMultiplyAdd(p3, z2, p2);
        return Vector256.FusedMultiplyAdd(q1, z4, Vector256.FusedMultiplyAdd(p1, z2, p0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogPolynomial(double z)
    {
        double z2 = z * z;
        double z4 = z2 * z2;
        double p0 = Math.FusedMultiplyAdd(L1, z, L0);
        double p1 = Math.FusedMultiplyAdd(L3, z, L2);
        double p2 = Math.FusedMultiplyAdd(L5, z, L4);
        double p3 = Math.FusedMultiplyAdd(L7, z, L6);
        double q1 = Math.FusedMultiplyAdd(p3, z2, p2);
        return Math.FusedMultiplyAdd(q1, z4, Math.FusedMultiplyAdd(p1, z2, p0));
    }
}
