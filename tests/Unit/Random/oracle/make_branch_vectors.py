"""Reference values for every branch of CMath.Log1p and for a shuffle long enough to use every bit of
NumPy's rejection mask, written to branch_vectors.json. Run with Debian's python3 (numpy, glibc):
    /usr/bin/python3 tests/Unit/Random/oracle/make_branch_vectors.py
"""
import ctypes
import hashlib
import json
import os
import platform
import struct

import numpy as np


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def hexd(xs):
    return [format(bits(float(x)), "016x") for x in xs]


def with_high(high, low):
    return from_bits((high << 32) | low)


def log1p_arguments():
    """Arguments on both sides of every threshold fdlibm's log1p tests on the high word."""
    xs = []
    lows = [0, 1, 0x7FFFFFFF, 0xFFFFFFFF]
    # |x| < 2^-54 and 2^-54 <= |x| < 2^-29 (high words 0x3c900000 and 0x3e200000), both signs.
    for high in [0x3C8FFFFF, 0x3C900000, 0x3E1FFFFF, 0x3E200000]:
        for low in lows:
            xs += [with_high(high, low), -with_high(high, low)]
    # x just below and at 0.41422 (0x3FDA827A), and around -0.2929 (0xbfd2bec3).
    for high in [0x3FDA8279, 0x3FDA827A, 0x3FDA827B]:
        xs += [with_high(high, low) for low in lows]
    for high in [0x3FD2BEC2, 0x3FD2BEC3, 0x3FD2BEC4]:
        xs += [-with_high(high, low) for low in lows]
    # 1 + x = 2^k (1 + f): f = 0 (x = 2^k - 1), |f| < 2^-20 on either side, the sqrt(2) split (0x6a09e).
    for k in [1, 2, 3, 10, 30, 52]:
        p = 2.0**k
        xs += [p - 1, p - 1 + p * 2.0**-30, p - 1 + p * 2.0**-22, p * 1.4142 - 1, p * 1.41422 - 1, p * 1.5 - 1]
    xs += [2.0 * with_high(0x3FF6A09D, 0xFFFFFFFF) - 1, 2.0 * with_high(0x3FF6A09E, 0) - 1]
    # x >= 2^53 (high word 0x43400000): 1 + x is x, no correction term.
    for high in [0x433FFFFF, 0x43400000, 0x43400001, 0x44000000, 0x7FEFFFFF]:
        xs += [with_high(high, low) for low in lows]
    xs += [1e300, float(2**60), 12345.678, 0.7, 0.99, 1.5, 2.5, 100.0, -0.9999999]
    return xs


# Arguments where a branch choice decides the last bit, printed by log1p_branch_search.cs: at each one
# the neighbouring branch (or the short series with its cubic term's sign flipped) rounds to the next
# double, so matching glibc there shows which branch ran.
LOG1P_BRANCH_TIES = {
    # |x| just above 2^-29 (high word 0x3e200000): the polynomial, not x - x^2/2.
    "polynomial_above_2^-29": ["be2000008fe0fb39", "3e20000010037ecf"],
    # x just above 2^53 (high word 0x43400000): 1 + x is not formed, no rounding correction.
    "no_correction_at_2^53": ["4340000052da9403", "43400000ae7bf6e4"],
    # 1 + x within 2^-20 of 2: the short series f - f^2/2 + f^3/3, whose cubic term decides the last bit.
    "series_cubic_term": ["3feffffcf6ef6bb2", "3fefffff59f287ae"],
    # 1 + x just below 2 with |f| < 2^-20: the short series, not the polynomial.
    "series_below_one": ["3feffffa0669d2c3", "3feffffa09f959e8"],
    # 1 - 2^-53, the one x < 1 whose 1 + x rounds up to 2 (k = 1 with u - x inexact).
    "one_minus_2^-53": ["3fefffffffffffff"],
}


def main():
    libm = ctypes.CDLL("libm.so.6")
    libm.log1p.restype = ctypes.c_double
    libm.log1p.argtypes = [ctypes.c_double]
    xs = log1p_arguments()
    n = 70_000  # above 2^16: the rejection mask of random_interval then takes its >> 16 step
    perm = np.random.default_rng(0).permutation(n).astype("<i4")
    data = {
        "numpy_version": np.__version__,
        "libc": " ".join(platform.libc_ver()),
        "generated_by": "tests/Unit/Random/oracle/make_branch_vectors.py",
        "log1p": {"x": hexd(xs), "y": hexd([libm.log1p(float(x)) for x in xs])},
        "log1p_branch_ties": {
            "x": [h for hs in LOG1P_BRANCH_TIES.values() for h in hs],
            "y": hexd([libm.log1p(from_bits(int(h, 16))) for hs in LOG1P_BRANCH_TIES.values() for h in hs]),
        },
        "permutation": {"seed": 0, "n": n, "head": [int(v) for v in perm[:16]],
                        "sha256": hashlib.sha256(perm.tobytes()).hexdigest()},
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "branch_vectors.json")
    with open(path, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
