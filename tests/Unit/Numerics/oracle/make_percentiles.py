#!/usr/bin/python3
"""Writes percentiles.json: arrays and NumPy's np.percentile(a, q) for each, the oracle of PercentileTests.

Run with Debian's python and NumPy 1.24 (the default method 'linear'):
    /usr/bin/python3 tests/Unit/Numerics/oracle/make_percentiles.py
Values are written with repr (round-trip exact); results also as the hex of their 64 bits, which the
test compares bit for bit. The arrays are fixed by a seeded generator, so the file is reproducible.
"""
import json
import os
import struct

import numpy as np

QS = [0, 1, 10, 50, 90, 99, 100]


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def text(x):
    x = float(x)
    if np.isnan(x):
        return "NaN"
    if np.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return repr(x)


def cases():
    rng = np.random.default_rng(20240611)
    yield "n1", [3.5]
    yield "n2", [2.0, -1.0]
    yield "n2_equal", [0.25, 0.25]
    yield "n7_random", list(rng.normal(0.0, 1.0, 7))
    yield "n7_ties", [1.0, 3.0, 2.0, 1.0, 3.0, 1.0, 2.0]
    yield "n7_zeros", [0.0, 0.0, 0.0, 1e-300, 0.0, 5e-324, 0.0]
    yield "all_equal_100", [0.125] * 100
    base = list(rng.uniform(-1.0, 1.0, 100))
    yield "random_100", base
    yield "sorted_100", sorted(base)
    yield "reversed_100", sorted(base, reverse=True)
    # Organ pipe: ascending then descending, a classic bad order for median-of-three pivots.
    yield "organ_pipe_1001", [float(min(i, 1000 - i)) for i in range(1001)]
    # Like |phi'| of ReLU: only zeros and ones.
    yield "zeros_ones_7200", [float(v) for v in rng.integers(0, 2, 7200)]
    # Like |phi'| of tanh: 1 - tanh(z)^2 of normal z, rounded so ties occur and the file stays small.
    z = rng.normal(0.0, 1.5, 7200)
    yield "tanh_dphi_7200", [round(float(v), 5) for v in 1.0 - np.tanh(z) ** 2]
    yield "abs_normal_7200_sorted", sorted(round(abs(float(v)), 4) for v in rng.normal(0.0, 2.0, 7200))
    yield "reversed_3600", [float(3600 - i) for i in range(3600)]
    yield "heavy_ties_1000", [float(v) for v in rng.integers(0, 5, 1000)]
    yield "with_infinity", [1.0, float("inf"), 2.0, 0.5]
    yield "inf_only", [float("inf")]
    yield "with_nan", [1.0, float("nan"), 2.0]


def main():
    out = {"numpy": np.__version__, "q": QS, "cases": []}
    with np.errstate(invalid="ignore"):
        for name, values in cases():
            a = np.array(values, dtype=np.float64)
            results = [np.percentile(a, q) for q in QS]
            out["cases"].append({
                "name": name,
                "values": [text(v) for v in a],
                "expected": [text(r) for r in results],
                "expected_bits": ["%016x" % bits(r) for r in results],
            })
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "percentiles.json")
    with open(path, "w", encoding="ascii") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
