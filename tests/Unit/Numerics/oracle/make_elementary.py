"""Writes elementary_oracle.json: tanh, sech², atan and exp at seeded points, each correctly rounded
to double by mpmath at 60 digits. VectorMath's tests check their ulp distance from these values.

Run: python3 make_elementary.py   (mpmath only; the output is deterministic)
"""
import json
import math
import random

import mpmath as mp

mp.mp.dps = 60
rng = random.Random(20261128)


def log_uniform(lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def signed(x):
    return x if rng.random() < 0.5 else -x


points = []
points += [signed(log_uniform(1e-300, 1e-8)) for _ in range(100)]
points += [signed(log_uniform(1e-8, 1.0)) for _ in range(700)]
points += [signed(log_uniform(1.0, 40.0)) for _ in range(700)]
points += [signed(log_uniform(40.0, 700.0)) for _ in range(150)]  # sech² underflows past ~355
# Around every switch point of the range reductions (tanh 0.625; atan 7/16, 11/16, 19/16, 39/16).
for c in (0.625, 7 / 16, 11 / 16, 19 / 16, 39 / 16):
    for k in range(-20, 21):
        points.append(c + k * 2.0 ** -50)


def rounded(v):
    return float(v)  # mpmath rounds to nearest when converting to float


rows = []
for x in points:
    X = mp.mpf(x)
    # [x, tanh x, sech² x, atan x, exp x] (exp only where it is finite: |x| < 700 here)
    rows.append([x, rounded(mp.tanh(X)), rounded(mp.sech(X) ** 2), rounded(mp.atan(X)), rounded(mp.exp(X))])

with open("elementary_oracle.json", "w") as f:
    json.dump({"generator": "make_elementary.py (mpmath %s, 60 digits)" % mp.__version__,
               "columns": ["x", "tanh", "sech2", "atan", "exp"], "rows": rows}, f, separators=(",", ":"))
