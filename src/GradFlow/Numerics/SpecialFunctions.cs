namespace GradFlow.Numerics;

/// <summary>
/// Accurate elementary functions .NET lacks: log1p, expm1, erfc, the logistic sigmoid and softplus,
/// each with full relative accuracy in the tails (no overflow for any finite argument).
/// </summary>
public static class SpecialFunctions
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.5641895835477563;

    /// <summary>log(1 + x), accurate for tiny x (Kahan's correction: the rounding of 1 + x cancels).</summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsPositiveInfinity(u)) return Math.Log(x);
        return Math.Log(u) * (x / (u - 1.0));
    }

    /// <summary>exp(x) − 1, accurate for tiny x (Kahan's correction).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        if (um1 == -1.0) return -1.0;
        if (double.IsPositiveInfinity(u)) return u;
        return um1 * (x / Math.Log(u));
    }

    /// <summary>σ(z) = 1 / (1 + e^−z), never overflowing: e^−|z| is the only exponential taken.</summary>
    public static double Sigmoid(double z)
    {
        double e = Math.Exp(-Math.Abs(z));
        // Stryker disable once Equality : at z = ±0, e = 1 and both arms give 1/2 (> for >=)
        return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /// <summary>σ′(z) = σ(z)σ(−z) = e^−|z| / (1 + e^−|z|)², exact in both tails.</summary>
    public static double SigmoidDerivative(double z)
    {
        double e = Math.Exp(-Math.Abs(z));
        double d = 1.0 + e;
        return e / (d * d);
    }

    /// <summary>softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^−|z|).</summary>
    // NaN returns itself: otherwise the sum of NaN (from the max) and −NaN (from −|z|) would carry
    // whichever operand the JIT puts first, a sign bit that differed between two compilations of it.
    public static double Softplus(double z) => double.IsNaN(z) ? z : Math.Max(z, 0.0) + Log1P(Math.Exp(-Math.Abs(z)));

    /// <summary>erfc(x) with relative accuracy near 1e-15 over the whole line.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x < 0) return 2.0 - Erfc(-x);
        // Below 1, 1 − erf(x) cancels at most log2(1/erfc(1)) ≈ 2.7 bits; from 1 on, where the
        // cancellation would grow (2.8e-13 relative at 2.3), the continued fraction converges in < 200 terms.
        if (x < 1.0) return 1.0 - ErfSeries(x);
        // Stryker disable once Equality : at x = 27.3 the continued fraction's factor e^(−x²) = e^(−745.29) is already 0, so it returns 0 too (>= for >)
        if (x > 27.3) return 0.0; // erfc(27.3) < 2^-1074: below the smallest subnormal
        return ErfcContinuedFraction(x);
    }

    /// <summary>erf(x); for |x| ≥ 2.5 through erfc so that the tail keeps its relative accuracy.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Math.Abs(x);
        if (ax >= 2.5) return Math.CopySign(1.0 - ErfcContinuedFraction(Math.Min(ax, 27.3)), x);
        return ErfSeries(x);
    }

    // erf(x) = 2/√π · e^(−x²) · Σ 2^n x^(2n+1) / (1·3·…·(2n+1)): every term positive, so no cancellation.
    private static double ErfSeries(double x)
    {
        double x2 = x * x;
        double term = x, sum = x;
        for (int n = 1;
            // Stryker disable once Equality : never reached: |x| < 2.5 on every path here, and |term|/|x| ≤ 12.5^n/(3·5·…·(2n + 1)) ≤ 1e-17 from n = 41 on, while |sum| ≥ |x|: the loop breaks by n = 41 (<= for <; the > twin is skipped)
            n < 200; n++)
        {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            // Stryker disable once Statement : the break dropped: at the first |term| ≤ 1e-17·|sum| the ratio 2x²/(2n + 1) is already < 1 (else that term would be ≥ sum/(n + 1)), so every later term is smaller still, below half an ulp of sum (≥ 2^−54·|sum|), and leaves it unchanged
            if (
                // Stryker disable once Equality : < for <= only differs at an exact tie, after which the next terms are below half an ulp of sum and leave it unchanged (see the break; the > twin is skipped)
                Math.Abs(term) <=
                // Stryker disable once Arithmetic : 1e-17/|sum|: for |sum| ≥ 1 the loop runs longer, over terms that leave sum unchanged; for |sum| < 1 (|x| < 1) it stops earlier, but the next term is ≤ (1e-17/|sum|)·2x²/5 ≤ 0.4e-17·|sum| (|sum| ≥ |x|), below half an ulp, and so are the rest
                1e-17 * Math.Abs(sum)) break;
        }
        return TwoOverSqrtPi * Math.Exp(-x2) * sum;
    }

    // Laplace's continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
    // evaluated by the modified Lentz method; converges fast for x ≥ 2.5.
    private static double ErfcContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        double f = x, c = x, d = 0.0;
        for (int k = 1; k < 500; k++)
        {
            double a = k * 0.5;
            d = x + a * d;
            // Stryker disable once Statement : never runs: x ≥ 1 and d ≥ 0 before the step, so d = x + a·d > 0
            if (d == 0) d = tiny;
            c = x + a / c;
            // Stryker disable once Statement : never runs: x ≥ 1 and c > 0 before the step, so c = x + a/c > 0
            if (c == 0) c = tiny;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            // Stryker disable once Equality : no tie: delta − 1 is exact and a multiple of 2^−53 ≈ 1.1e-16 near 1 (and ≥ 1/2 away from it), never 1e-16 (<= for <)
            if (Math.Abs(delta - 1.0) < 1e-16) break;
        }
        return OneOverSqrtPi * ExpMinusSquare(x) / f;
    }

    // e^(−x²) without the rounding of x² (relative 2^−53, i.e. 5e-14 relative in the result at x = 26):
    // x = hi + lo with hi's mantissa cut to 26 bits, so hi² is exact and x² − hi² = lo·(x + hi) is small.
    private static double ExpMinusSquare(double x)
    {
        double hi = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & ~((1L << 27) - 1));
        double lo = x - hi;
        return Math.Exp(-hi * hi) * Math.Exp(-lo * (x + hi));
    }
}
