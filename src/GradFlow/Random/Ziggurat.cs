namespace GradFlow.Random;

/// <summary>
/// NumPy's <c>random_standard_normal</c>: the 256-strip ziggurat of Marsaglia and Tsang as
/// NumPy lays it out, one 64-bit draw per attempt (8 bits strip, 1 bit sign, 52 bits abscissa).
/// </summary>
internal static class Ziggurat
{
    // Right edge r of the base strip and 1/r, as NumPy's ziggurat_nor_r / ziggurat_nor_inv_r.
    private const double R = 3.6541528853610087963519472518;
    private const double InvR = 0.27366123732975827203338247596;

    public static double StandardNormal(Pcg64 bitGenerator)
    {
        ReadOnlySpan<ulong> ki = ZigguratTables.Ki;
        ReadOnlySpan<double> wi = ZigguratTables.Wi;
        ReadOnlySpan<double> fi = ZigguratTables.Fi;
        while (true)
        {
            ulong r = bitGenerator.NextUInt64();
            int idx = (int)(r & 0xff);
            // Stryker disable once Assignment : r is a ulong, where >>= and >>>= agree (docs/mutation-survivors.md)
            r >>= 8;
            bool negative = (r & 0x1) != 0;
            // Stryker disable once Bitwise : r is a ulong, where >> and >>> agree (this also skips the & → | mutant, a timeout) (docs/mutation-survivors.md)
            ulong rabs = (r >> 1) & 0x000fffffffffffff;
            double x = rabs * wi[idx];
            if (negative) x = -x;
            if (rabs < ki[idx]) return x; // inside the strip's rectangle: about 99.3% of draws
            if (idx == 0) return Tail(bitGenerator, rabs);
            if ((fi[idx - 1] - fi[idx]) * bitGenerator.NextDouble() + fi[idx] < Math.Exp(-0.5 * x * x)) return x;
        }
    }

    // Marsaglia's tail beyond R; log1p(-U) rather than log(U) so U = 0 is harmless, and the
    // sign comes from bit 8 of the abscissa that led here, as in NumPy.
    private static double Tail(Pcg64 bitGenerator, ulong rabs)
    {
        while (true)
        {
            double xx = -InvR * CMath.Log1p(-bitGenerator.NextDouble());
            double yy = -CMath.Log1p(-bitGenerator.NextDouble());
            if (yy + yy > xx * xx)
                return ((
                    // Stryker disable once Bitwise : rabs is a ulong, where >> and >>> agree (docs/mutation-survivors.md)
                    rabs >> 8) & 0x1) != 0 ? -(R + xx) : R + xx;
        }
    }
}
