namespace GradFlow.Random;

/// <summary>
/// C library math that NumPy's samplers call and .NET lacks, computed to the same bits as the
/// GNU C library (2.36) that Debian's NumPy runs on; tests compare against libm's own outputs.
/// </summary>
internal static class CMath
{
    // ln 2 split so that k * Ln2High is exact for |k| < 2000.
    private const double Ln2High = 6.93147180369123816490e-01; // 0x3FE62E42FEE00000
    private const double Ln2Low = 1.90821492927058770002e-10;  // 0x3DEA39EF35793C76

    // Remez coefficients of R(z) in log(1+f) = 2s + s*R(s^2), s = f / (2 + f).
    private const double Lp1 = 6.666666666666735130e-01;
    private const double Lp2 = 3.999999999940941908e-01;
    private const double Lp3 = 2.857142874366239149e-01;
    private const double Lp4 = 2.222219843214978396e-01;
    private const double Lp5 = 1.818357216161805012e-01;
    private const double Lp6 = 1.531383769920937332e-01;
    private const double Lp7 = 1.479819860511658591e-01;

    /// <summary>
    /// log(1 + x), by the Sun fdlibm method as glibc's <c>__log1p</c> computes it on x86-64 CPUs with
    /// FMA (glibc picks that build at run time, and NumPy's tail sampler calls it): reduce
    /// 1 + x = 2^k (1 + f) with sqrt(2)/2 &lt; 1 + f &lt; sqrt(2), keep the rounding error of 1 + x as
    /// a correction c / u, then log(1 + f) from a degree-14 polynomial in s = f / (2 + f).
    /// Every multiply-add that build fuses is a <see cref="Math.FusedMultiplyAdd"/> here.
    /// </summary>
    public static double Log1p(double x)
    {
        int hx = HighWord(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        double f = 0, c = 0;

        if (hx < 0x3FDA827A) // x < 0.41422, including every negative x
        {
            if (ax >= 0x3ff00000) return x == -1.0 ? double.NegativeInfinity : double.NaN;
            if (ax < 0x3e200000) // |x| < 2^-29
                // Stryker disable once Equality,Conditional : below 2^-53 x − x²/2 rounds to x, so where the inner test splits changes no bit (docs/mutation-survivors.md)
                return ax < 0x3c900000 ? x : x - x * x * 0.5;
            if (hx > 0 || hx <= unchecked((int)0xbfd2bec3))
            {
                // -0.2929 < x < 0.41422: 1 + x needs no reduction and f = x is exact.
                k = 0;
                f = x;
                hu = 1;
            }
        }
        else if (hx >= 0x7ff00000)
        {
            return x + x;
        }

        if (k != 0)
        {
            double u;
            if (hx < 0x43400000)
            {
                u = 1.0 + x;
                hu = HighWord(u);
                // Stryker disable once Bitwise : hu is the high word of 1 + x > 0, a non-negative int, where >> and >>> agree (docs/mutation-survivors.md)
                k = (hu >> 20) - 1023;
                // Stryker disable once Conditional : for x < 2^53 both forms are the exact rounding error, except at x = 1 − 2^-53, where the result rounds alike (docs/mutation-survivors.md)
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // the rounding error of 1 + x
                c /= u;
            }
            else
            {
                u = x;
                hu = HighWord(u);
                // Stryker disable once Bitwise : hu is the high word of x ≥ 2^53, a non-negative int, where >> and >>> agree (docs/mutation-survivors.md)
                k = (hu >> 20) - 1023;
                c = 0;
            }

            hu &= 0x000fffff;
            if (hu < 0x6a09e)
            {
                u = WithHighWord(u, hu | 0x3ff00000);
            }
            else
            {
                k += 1;
                u = WithHighWord(u, hu | 0x3fe00000);
                // Stryker disable once Bitwise : hu < 0x00100000 here, so the shifted operand is positive and >> and >>> agree (docs/mutation-survivors.md)
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }

        double hfsq = 0.5 * f * f;
        if (hu == 0) // |f| < 2^-20
        {
            // Stryker disable once Conditional : |f| < 2^-20 only after the reduction, which leaves k ≠ 0 (|x| ≥ 0.29 there) (docs/mutation-survivors.md)
            if (f == 0.0) return k == 0 ? 0.0 : Math.FusedMultiplyAdd(k, Ln2High, Math.FusedMultiplyAdd(k, Ln2Low, c));
            double r = Math.FusedMultiplyAdd(-f, 0.66666666666666666, 1.0) * hfsq;
            // Stryker disable once Conditional : |f| < 2^-20 only after the reduction, which leaves k ≠ 0 (|x| ≥ 0.29 there) (docs/mutation-survivors.md)
            return k == 0 ? f - r : Math.FusedMultiplyAdd(k, Ln2High, -((r - Math.FusedMultiplyAdd(k, Ln2Low, c)) - f));
        }

        double s = f / (2.0 + f);
        double z = s * s;
        double z2 = z * z;
        double z4 = z2 * z2;
        double z6 = z2 * z4;
        double r2 = Math.FusedMultiplyAdd(z, Lp3, Lp2);
        double r3 = Math.FusedMultiplyAdd(z, Lp5, Lp4);
        double r4 = Math.FusedMultiplyAdd(z, Lp7, Lp6);
        double poly = Math.FusedMultiplyAdd(z6, r4, Math.FusedMultiplyAdd(z4, r3, Math.FusedMultiplyAdd(z, Lp1, z2 * r2)));
        double sr = s * (hfsq + poly);
        return k == 0
            ? f - (hfsq - sr)
            : Math.FusedMultiplyAdd(k, Ln2High, -((hfsq - (Math.FusedMultiplyAdd(k, Ln2Low, c) + sr)) - f));
    }

    // Stryker disable once Bitwise : the cast to int keeps the low 32 bits of the shifted long, the same for >> and >>> (docs/mutation-survivors.md)
    private static int HighWord(double value) => (int)(BitConverter.DoubleToInt64Bits(value) >> 32);

    private static double WithHighWord(double value, int high) =>
        BitConverter.Int64BitsToDouble(((long)high << 32) | (BitConverter.DoubleToInt64Bits(value) & 0xffffffffL));
}
