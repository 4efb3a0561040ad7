"""Fits the polynomial cores of GradFlow.Numerics.VectorMath with mpmath (near-minimax Chebyshev fits).

Prints each coefficient as a C# double literal (round-trip) with the fit's error measured after the
coefficients are rounded to double, in units of the final result's ulp bound. Run: python3 fit_polynomials.py
"""
import mpmath as mp

mp.mp.dps = 80


def fit(name, g, a, b, n, weight):
    """Chebyshev fit of g on [a, b] with n coefficients; returns them (lowest degree first) rounded to double."""
    poly = mp.chebyfit(g, [a, b], n)  # highest degree first
    coeffs = [float(c) for c in reversed(poly)]
    worst = mp.mpf(0)
    for i in range(2001):
        s = a + (b - a) * mp.mpf(i) / 2000
        if s == 0:
            continue
        p = mp.mpf(0)
        for c in reversed(coeffs):
            p = p * s + mp.mpf(c)
        worst = max(worst, abs(p - g(s)) * weight(s))
    print(f"// {name}: {n} coefficients on [{mp.nstr(a, 8)}, {mp.nstr(b, 8)}], weighted error {mp.nstr(worst, 3)} (unit roundoff 1.1e-16)")
    for c in coeffs:
        print(f"    {c!r},")
    return coeffs


def exp_core(r):
    # (e^r − 1 − r)/r², so that e^r = 1 + r + r²·Q(r) keeps the first two terms exact.
    return (mp.exp(r) - 1 - r) / r**2 if r != 0 else mp.mpf(0.5)


def log_core(z):
    # (ln((1 + s)/(1 − s)) − 2s)/(s·z) with z = s², so that ln(1 + f) = 2s + s·z·Q(z), s = f/(2 + f).
    if z == 0:
        return mp.mpf(2) / 3
    s = mp.sqrt(z)
    return (mp.log((1 + s) / (1 - s)) - 2 * s) / (s * z)


def tanh_core(s):
    x = mp.sqrt(s)
    return (mp.tanh(x) - x) / (s * x)


def atan_core(s):
    x = mp.sqrt(s)
    return (mp.atan(x) - x) / (s * x)


HALF_LN2 = mp.log(2) / 2 + mp.mpf(2) ** -40
TANH_SWITCH = mp.mpf(0.625)
ATAN_FIRST = mp.mpf(7) / 16
# ln: the mantissa m ∈ [0x3fe6a09e00000000, 0x3ff6a09dffffffff] (about [√2/2, √2)), f = m − 1, s = f/(2 + f).
LOG_F_LOW = mp.mpf(0.70710659027099609375) - 1
LOG_F_HIGH = mp.mpf(1.4142131805419919654553950749686919152736663818359375) - 1
LOG_Z_MAX = max((LOG_F_LOW / (2 + LOG_F_LOW)) ** 2, (LOG_F_HIGH / (2 + LOG_F_HIGH)) ** 2)

# The degrees VectorMath uses: each weighted error is far below the unit roundoff.
# e^r: the error of Q moves e^r by r²·ΔQ, relative to e^r ≥ 1/√2.
fit("exp Q", exp_core, -HALF_LN2, HALF_LN2, 11, lambda r: r**2 / mp.exp(r))
# tanh: the error of P moves tanh x by x³·ΔP, relative to tanh x ≥ 0.8·x on [0, 0.625].
fit("tanh P", tanh_core, mp.mpf(0), TANH_SWITCH**2, 12, lambda s: s / 0.8)
# atan: likewise, atan r ≥ 0.93·r on [0, 7/16].
fit("atan P", atan_core, mp.mpf(0), ATAN_FIRST**2, 12, lambda s: s / 0.93)
# ln: the error of Q moves ln(1 + f) by s·z·ΔQ, relative to ln(1 + f) ≈ 2s.
fit("log Q", log_core, mp.mpf(0), LOG_Z_MAX, 8, lambda z: z / 2)
