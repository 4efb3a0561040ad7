"""Writes log_oracle.json: ln x at seeded points, each correctly rounded to double by mpmath at 60 digits.
VectorMath.Log's tests check their ulp distance from these values.

Points: log-uniform over the normal range, dense near 1 (where ln x is small and the reduction keeps
k = 0), both sides of the √2 split of the mantissa, near powers of two, and subnormals.

Run: python3 make_log.py   (mpmath only; the output is deterministic)
"""
import json
import math
import random
import struct

import mpmath as mp

mp.mp.dps = 60
rng = random.Random(20261129)


def log_uniform(lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def from_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


points = []
points += [log_uniform(2.2250738585072014e-308, 1.7976931348623157e308) for _ in range(600)]
points += [rng.uniform(0.5, 2.0) for _ in range(600)]
points += [1.0 + rng.uniform(-1e-6, 1e-6) for _ in range(100)]
points += [1.0 + rng.uniform(-1e-12, 1e-12) for _ in range(50)]
# The mantissa split at √2 (high word 0x3ff6a09e), scaled by a few powers of two.
for e in (-1022, -3, 0, 1, 7, 1000):
    for k in range(-15, 16):
        points.append(math.ldexp(from_bits(0x3FF6A09E00000000 + k * 0x1000), e))
# Powers of two and their neighbours.
for e in range(-1022, 1024, 37):
    p = math.ldexp(1.0, e)
    points += [p, math.nextafter(p, 0.0), math.nextafter(p, math.inf)]
# Subnormals.
points += [from_bits(rng.randrange(1, 1 << 52)) for _ in range(100)]
points += [5e-324, from_bits((1 << 52) - 1)]

rows = [[x, float(mp.log(mp.mpf(x)))] for x in points]  # float() rounds to nearest

with open("log_oracle.json", "w") as f:
    json.dump({"generator": "make_log.py (mpmath %s, 60 digits)" % mp.__version__,
               "columns": ["x", "log"], "rows": rows}, f, separators=(",", ":"))
