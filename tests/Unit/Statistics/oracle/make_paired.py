#!/usr/bin/python3
"""Writes paired_oracle.json: SciPy 1.10 reference values for GradFlow's paired tests and Holm's adjustment.

Run with Debian's python3-scipy:  /usr/bin/python3 make_paired.py
The C# tests only read the committed JSON; they never run Python.
- wilcoxon: scipy.stats.wilcoxon(x, y) with its defaults zero_method="wilcox", correction=False; method="exact"
  where GradFlow uses the exact distribution (n <= 50, no zeros, no ties), "approx" otherwise.
- sign: scipy.stats.binomtest(k, n, 0.5) (two-sided) with k positive of n non-zero differences.
- holm: the step-down procedure run from its definition at every candidate level (no adjustment formula).
"""
import json
import math
import os
import sys
import warnings

import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261201)


def fl(a):
    return [float(v) for v in a]


def wilcoxon_case(name, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    d = x - y
    nz = d[d != 0]
    ties = len(np.unique(np.abs(nz))) < len(nz)
    exact = len(d) <= 50 and len(nz) == len(d) and not ties
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = stats.wilcoxon(x, y, method="exact" if exact else "approx")
    # Rank sums from scipy's own rankdata, independently of the test's code path.
    r = stats.rankdata(np.abs(nz))
    r_plus = float(np.sum(r[nz > 0]))
    r_minus = float(np.sum(r[nz < 0]))
    case = {
        "name": name, "x": fl(x), "y": fl(y), "exact": bool(exact),
        "t": float(res.statistic), "p": float(res.pvalue),
        "r_plus": r_plus, "r_minus": r_minus, "n": int(len(nz)), "zeros": int(len(d) - len(nz)),
    }
    if not exact:
        case["abs_z"] = abs(float(res.zstatistic))
    assert case["t"] == min(r_plus, r_minus), name
    return case


acc75 = lambda lo, hi, n: rng.integers(lo, hi, size=n) / 75.0
wil = [
    wilcoxon_case("exact_n1", [2.0], [1.0]),
    wilcoxon_case("exact_n5_all_positive", [5.1, 4.2, 3.3, 2.4, 1.5], [0.0] * 5),
    wilcoxon_case("exact_n5_mixed", rng.normal(0.3, 1.0, 5), rng.normal(0.0, 1.0, 5)),
    wilcoxon_case("exact_n8", rng.normal(0.5, 1.0, 8), rng.normal(0.0, 1.0, 8)),
    wilcoxon_case("exact_n10_all_negative", rng.random(10), 2.0 + rng.random(10)),
    wilcoxon_case("exact_n10_mixed", rng.normal(0.0, 1.0, 10), rng.normal(0.4, 1.0, 10)),
    wilcoxon_case("exact_n3_center", [1.0, 2.0, -3.0], [0.0] * 3),  # R+ = 3 = n(n+1)/4: the center
    wilcoxon_case("exact_n20", rng.normal(0.2, 1.0, 20), rng.normal(0.0, 1.0, 20)),
    wilcoxon_case("exact_n50", rng.normal(0.1, 1.0, 50), rng.normal(0.0, 1.0, 50)),
    wilcoxon_case("approx_n60_no_ties", rng.normal(0.2, 1.0, 60), rng.normal(0.0, 1.0, 60)),
    wilcoxon_case("approx_ties_acc75_n10", acc75(60, 76, 10), acc75(55, 74, 10)),
    wilcoxon_case("approx_ties_acc75_n20", acc75(62, 76, 20), acc75(60, 76, 20)),
    wilcoxon_case("approx_zeros_epochs_n10", [120, 300, 95, 3000, 410, 77, 150, 150, 88, 205],
                  [130, 280, 95, 3000, 450, 90, 150, 170, 88, 260]),
    wilcoxon_case("approx_one_zero_n6", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [1.0, 1.5, 2.0, 2.0, 2.0, 1.0]),
    wilcoxon_case("approx_integer_ties_n30", rng.integers(0, 8, size=30).astype(float), rng.integers(1, 9, size=30).astype(float)),
    wilcoxon_case("approx_n200_no_ties", rng.normal(0.05, 1.0, 200), rng.normal(0.0, 1.0, 200)),
]


def sign_case(name, k, n):
    return {"name": name, "k": int(k), "n": int(n), "p": float(stats.binomtest(int(k), int(n), 0.5).pvalue)}


sign = [
    sign_case("n1_k1", 1, 1), sign_case("n1_k0", 0, 1), sign_case("n5_k5", 5, 5), sign_case("n6_k0", 0, 6),
    sign_case("n10_k8", 8, 10), sign_case("n10_k5", 5, 10), sign_case("n11_k5", 5, 11), sign_case("n20_k3", 3, 20),
    sign_case("n20_k17", 17, 20), sign_case("n100_k38", 38, 100), sign_case("n500_k220", 220, 500),
    sign_case("n900_k1", 1, 900),
]


def holm_by_definition(p):
    """Adjusted p_i = the smallest level at which Holm's step-down procedure rejects H_i."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    candidates = sorted({min(1.0, (m - j) * p[order[j]]) for j in range(m)} | {1.0})
    adjusted = np.ones(m)
    for level in reversed(candidates):
        rejected = set()
        for j in range(m):
            if p[order[j]] * (m - j) <= level:
                rejected.add(int(order[j]))
            else:
                break
        for i in rejected:
            adjusted[i] = level
    return adjusted


def holm_case(name, p):
    return {"name": name, "p": fl(p), "adjusted": fl(holm_by_definition(p))}


holm = [
    holm_case("single", [0.03]),
    holm_case("textbook_4", [0.01, 0.04, 0.03, 0.005]),
    holm_case("monotone_clip", [0.02, 0.021, 0.5, 0.9]),
    holm_case("ties", [0.01, 0.01, 0.2, 0.01]),
    holm_case("capped_at_one", [0.4, 0.6, 0.3]),
    holm_case("random_18", rng.random(18) ** 3),
]

out = {
    "generator": "tests/Unit/Statistics/oracle/make_paired.py",
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "wilcoxon": wil,
    "sign": sign,
    "holm": holm,
}
with open(os.path.join(HERE, "paired_oracle.json"), "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
