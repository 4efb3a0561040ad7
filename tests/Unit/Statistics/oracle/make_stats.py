#!/usr/bin/python3
"""Writes stats_oracle.json: reference values from SciPy/NumPy for GradFlow.Experiments statistics.

Run with Debian's python3-scipy:  /usr/bin/python3 make_stats.py
The C# tests only read the committed JSON; they never run Python.
Doubles are written by json (float.__repr__), so they round-trip exactly; NaN is written as null.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)


def f(v):
    """A float for JSON, NaN as null."""
    v = float(v)
    return None if math.isnan(v) else v


def fl(a):
    return [float(v) for v in a]


# ---------------------------------------------------------------- Mann-Whitney U
def mwu_case(name, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    res = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
    n1, n2 = len(x), len(y)
    n = n1 + n2
    # Independent route to the signed z (scipy's current `zstatistic`):
    # sigma from scipy.stats.tiecorrect, continuity 0.5 toward the mean.
    tie = stats.tiecorrect(stats.rankdata(np.concatenate([x, y])))
    sigma = math.sqrt(tie * n1 * n2 * (n + 1) / 12.0)
    d = float(res.statistic) - n1 * n2 / 2.0
    z = float("nan") if sigma == 0 else (d - 0.5 * np.sign(d)) / sigma
    if sigma != 0:
        # scipy's p must be 2*sf(|z|) of that z (clipped to 1): a self-check of this script.
        p2 = min(1.0, 2.0 * stats.norm.sf(abs(z)))
        assert abs(p2 - res.pvalue) <= 1e-12 * res.pvalue, (name, p2, res.pvalue)
    return {
        "name": name,
        "x": fl(x),
        "y": fl(y),
        "u": float(res.statistic),
        "p": float(res.pvalue),
        "z": f(z),
        "rank_biserial": 2.0 * float(res.statistic) / (n1 * n2) - 1.0,
    }


mwu = []
# Accuracy-like values on a 75-point test set: many ties.
mwu.append(mwu_case("ties_10v10_acc75",
                    rng.integers(62, 76, size=10) / 75.0,
                    rng.integers(58, 73, size=10) / 75.0))
mwu.append(mwu_case("ties_10v10_acc75_heavy",
                    rng.integers(70, 76, size=10) / 75.0,
                    rng.integers(69, 76, size=10) / 75.0))
mwu.append(mwu_case("no_ties_10v10", rng.normal(0.0, 1.0, 10), rng.normal(0.5, 1.0, 10)))
mwu.append(mwu_case("separated_10v10_x_larger",
                    1.0 + rng.random(10), rng.random(10)))
mwu.append(mwu_case("separated_10v10_x_smaller",
                    rng.random(10), 1.0 + rng.random(10)))
mwu.append(mwu_case("separated_40v40_far_tail",
                    1.0 + rng.random(40), rng.random(40)))
same = rng.normal(0.0, 1.0, 8)
mwu.append(mwu_case("identical_8v8", same, same.copy()))
mwu.append(mwu_case("unequal_3v7", rng.normal(1.0, 1.0, 3), rng.normal(0.0, 1.0, 7)))
mwu.append(mwu_case("unequal_30v20_ties",
                    rng.integers(0, 12, size=30).astype(float),
                    rng.integers(2, 14, size=20).astype(float)))
mwu.append(mwu_case("u_half_from_mean_2v3", [1.0, 4.0], [2.0, 3.0, 5.0]))
# U1 = 4 with mean 4.5: the continuity correction brings z to exactly 0.
mwu.append(mwu_case("u_half_below_mean_3v3", [1.0, 4.0, 5.0], [2.0, 3.0, 6.0]))
mwu.append(mwu_case("single_1v1", [1.0], [2.0]))
mwu.append(mwu_case("all_equal_5v5", [0.8] * 5, [0.8] * 5))

# ---------------------------------------------------------------- median / percentile
QS = [0.0, 2.5, 10.0, 25.0, 33.3, 50.0, 66.7, 75.0, 90.0, 97.5, 100.0]


def quantile_case(name, values):
    values = np.asarray(values, dtype=float)
    return {
        "name": name,
        "values": fl(values),
        "median": float(np.median(values)),
        "q": QS,
        "percentile": fl(np.percentile(values, QS)),
    }


quantiles = [
    quantile_case("one", [370.0]),
    quantile_case("two", [120.0, 350.0]),
    quantile_case("odd_epochs", [410.0, 130.0, 900.0, 130.0, 2990.0]),
    quantile_case("even_epochs", [410.0, 130.0, 900.0, 140.0, 2990.0, 60.0]),
    quantile_case("even_ties", [500.0, 500.0, 500.0, 500.0]),
    quantile_case("random_199", rng.normal(0.9, 0.05, 199)),
    quantile_case("random_200", rng.random(200)),
]

# ---------------------------------------------------------------- time to threshold
def first_epoch(epochs, acc, thr):
    hit = np.flatnonzero(acc >= thr)
    return int(epochs[hit[0]]) if hit.size else None


def curve(epochs, rate, ceiling):
    """A noisy, saturating accuracy curve on a 75-point test set."""
    clean = 0.5 + (ceiling - 0.5) * (1.0 - np.exp(-rate * epochs))
    noisy = clean + rng.normal(0.0, 0.015, epochs.size)
    return np.clip(np.round(noisy * 75.0), 0, 75) / 75.0


def ttt_setting(name, epochs, rates, ceilings, threshold, budget):
    runs = []
    firsts = []
    for rate, ceil in zip(rates, ceilings):
        acc = curve(epochs, rate, ceil)
        fe = first_epoch(epochs, acc, threshold)
        firsts.append(fe)
        runs.append({"accuracy": fl(acc), "first_epoch": fe})
    reached = np.array([e for e in firsts if e is not None], dtype=float)
    never = sum(e is None for e in firsts)
    with np.errstate(all="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            median = np.median(reached) if reached.size else np.nan
    budgeted = np.array([budget if e is None else e for e in firsts], dtype=float)
    return {
        "name": name,
        "threshold": threshold,
        "budget": budget,
        "epochs": [int(e) for e in epochs],
        "runs": runs,
        "count_never": int(never),
        "median": f(median),
        "median_with_budget": float(np.median(budgeted)),
    }


sparse = np.arange(0, 3000, 20)  # logged every 20th epoch
ttt = [
    ttt_setting("all_reach_10_seeds", sparse, rng.uniform(0.002, 0.01, 10), [0.99] * 10, 0.96, 3000),
    ttt_setting("some_never_10_seeds", sparse, rng.uniform(0.001, 0.01, 10),
                [0.99, 0.93, 0.99, 0.92, 0.99, 0.99, 0.90, 0.99, 0.99, 0.99], 0.96, 3000),
    ttt_setting("odd_reach_5_seeds", np.arange(0, 2000, 50), rng.uniform(0.002, 0.01, 5),
                [0.99, 0.99, 0.99, 0.99, 0.91], 0.95, 2000),
    ttt_setting("none_reach_4_seeds", sparse, rng.uniform(0.002, 0.01, 4), [0.90] * 4, 0.96, 3000),
]

out = {
    "generator": "tests/Unit/Statistics/oracle/make_stats.py",
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "mann_whitney": mwu,
    "quantiles": quantiles,
    "time_to_threshold": ttt,
}
with open(os.path.join(HERE, "stats_oracle.json"), "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
