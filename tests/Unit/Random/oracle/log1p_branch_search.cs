// Finds arguments at which CMath.Log1p's branch choices decide the last bit: doubles at a threshold of
// fdlibm's log1p where the neighbouring branch (or a sign slip in the short series) rounds to a
// different double, so a bit-for-bit test against glibc there tells the branches apart. Not part of
// any build (the test project leaves oracle/ out); run it with the .NET SDK and paste what it prints
// into make_branch_vectors.py, which records glibc's own values:
//     dotnet run --file tests/Unit/Random/oracle/log1p_branch_search.cs
// The function below is fdlibm's log1p as CMath computes it, with one switch per alternative.
using System.Globalization;
using System.Runtime.InteropServices;

var rng = new Random(20261202);
uint Low() => (uint)rng.NextInt64(0, 1L << 32);
double FromWords(uint high, uint low) => BitConverter.Int64BitsToDouble(((long)high << 32) | low);

// |x| with high word 0x3e200000 (the first doubles above 2^-29), either sign.
Search(Alternative.SeriesAtTwoToMinus29, () => (rng.Next(2) == 0 ? 1 : -1) * FromWords(0x3e200000, Low()), 1_000_000);
// x with high word 0x43400000 (the first doubles at or above 2^53).
Search(Alternative.RoundingCorrectionAtTwoTo53, () => FromWords(0x43400000, Low()), 1_000_000);
// 1 + x within 2^-20 of 2 or 4, from either side: the short series for |f| < 2^-20.
Search(Alternative.SeriesCubicTermNegated, () =>
    Math.ScaleB(1.0 + (rng.Next(2) == 0 ? 1 : -1) * rng.NextDouble() * Math.ScaleB(1, -20), rng.Next(1, 3)) - 1.0, 10_000_000);
// 1 + x just below 2 (f in [-1.5·2^-20, 0), where the high mantissa word is 0xffffd..0xfffff), the
// largest |f| first, where the series and the polynomial are furthest apart (about f^4/4).
long m = 3L << 33;
Search(Alternative.PolynomialForSmallFBelowOne, () => 1.0 - m-- * Math.ScaleB(1.0, -53), 400_000_000);
return;

void Search(Alternative alternative, Func<double> draw, long tries)
{
    int found = 0;
    for (long t = 0; t < tries && found < 2; t++)
    {
        double x = draw();
        long original = BitConverter.DoubleToInt64Bits(Log1p(x, Alternative.None));
        long other = BitConverter.DoubleToInt64Bits(Log1p(x, alternative));
        if (original == other) continue;
        found++;
        bool glibcAgrees = BitConverter.DoubleToInt64Bits(GlibcLog1p(x)) == original;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{alternative}: x {BitConverter.DoubleToInt64Bits(x):x16} ({x:R}): {original:x16}, the alternative {other:x16}, glibc agrees with CMath: {glibcAgrees}, after {t + 1} tries"));
    }
    if (found == 0) Console.WriteLine($"{alternative}: none in {tries} tries");
}

static double Log1p(double x, Alternative alternative)
{
    const double Ln2High = 6.93147180369123816490e-01, Ln2Low = 1.90821492927058770002e-10;
    const double Lp1 = 6.666666666666735130e-01, Lp2 = 3.999999999940941908e-01, Lp3 = 2.857142874366239149e-01,
        Lp4 = 2.222219843214978396e-01, Lp5 = 1.818357216161805012e-01, Lp6 = 1.531383769920937332e-01,
        Lp7 = 1.479819860511658591e-01;
    int hx = HighWord(x), ax = hx & 0x7fffffff, k = 1, hu = 0;
    double f = 0, c = 0;
    if (hx < 0x3FDA827A)
    {
        if (ax >= 0x3ff00000) return x == -1.0 ? double.NegativeInfinity : double.NaN;
        if (ax < 0x3e200000 || (alternative == Alternative.SeriesAtTwoToMinus29 && ax == 0x3e200000))
            return ax < 0x3c900000 ? x : x - x * x * 0.5;
        if (hx > 0 || hx <= unchecked((int)0xbfd2bec3)) { k = 0; f = x; hu = 1; }
    }
    else if (hx >= 0x7ff00000) return x + x;
    if (k != 0)
    {
        double u;
        if (hx < 0x43400000 || (alternative == Alternative.RoundingCorrectionAtTwoTo53 && hx == 0x43400000))
        {
            u = 1.0 + x;
            hu = HighWord(u);
            k = (hu >> 20) - 1023;
            c = (k > 0 ? 1.0 - (u - x) : x - (u - 1.0)) / u;
        }
        else
        {
            u = x;
            hu = HighWord(u);
            k = (hu >> 20) - 1023;
        }
        hu &= 0x000fffff;
        if (hu < 0x6a09e) u = WithHighWord(u, hu | 0x3ff00000);
        else
        {
            k += 1;
            u = WithHighWord(u, hu | 0x3fe00000);
            hu = alternative == Alternative.PolynomialForSmallFBelowOne ? 1 : (0x00100000 - hu) >> 2;
        }
        f = u - 1.0;
    }
    double hfsq = 0.5 * f * f;
    if (hu == 0)
    {
        if (f == 0.0) return k == 0 ? 0.0 : Math.FusedMultiplyAdd(k, Ln2High, Math.FusedMultiplyAdd(k, Ln2Low, c));
        double r = Math.FusedMultiplyAdd(alternative == Alternative.SeriesCubicTermNegated ? f : -f, 0.66666666666666666, 1.0) * hfsq;
        return k == 0 ? f - r : Math.FusedMultiplyAdd(k, Ln2High, -((r - Math.FusedMultiplyAdd(k, Ln2Low, c)) - f));
    }
    double s = f / (2.0 + f), z = s * s, z2 = z * z, z4 = z2 * z2, z6 = z2 * z4;
    double poly = Math.FusedMultiplyAdd(z6, Math.FusedMultiplyAdd(z, Lp7, Lp6),
        Math.FusedMultiplyAdd(z4, Math.FusedMultiplyAdd(z, Lp5, Lp4), Math.FusedMultiplyAdd(z, Lp1, z2 * Math.FusedMultiplyAdd(z, Lp3, Lp2))));
    double sr = s * (hfsq + poly);
    return k == 0 ? f - (hfsq - sr) : Math.FusedMultiplyAdd(k, Ln2High, -((hfsq - (Math.FusedMultiplyAdd(k, Ln2Low, c) + sr)) - f));
}

static int HighWord(double value) => (int)(BitConverter.DoubleToInt64Bits(value) >> 32);

static double WithHighWord(double value, int high) =>
    BitConverter.Int64BitsToDouble(((long)high << 32) | (BitConverter.DoubleToInt64Bits(value) & 0xffffffffL));

[DllImport("libm.so.6", EntryPoint = "log1p")]
static extern double GlibcLog1p(double x);

enum Alternative
{
    None,
    SeriesAtTwoToMinus29,
    RoundingCorrectionAtTwoTo53,
    SeriesCubicTermNegated,
    PolynomialForSmallFBelowOne,
}
