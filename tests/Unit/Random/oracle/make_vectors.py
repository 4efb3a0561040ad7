#!/usr/bin/python3
"""Writes numpy_vectors.json.gz: reference draws of np.random.default_rng(seed) for the C# Generator tests.

Run with Debian's NumPy:  /usr/bin/python3 tests/Unit/Random/oracle/make_vectors.py
Doubles are stored as 16-hex-digit IEEE-754 bit patterns so the tests compare bit for bit.
For random/uniform/normal the first HEAD draws are stored in full and all N draws as a SHA-256 of
their little-endian bytes (keeps the file small); standard_normal is stored in full (tail coverage).
"""
import ctypes
import gzip
import hashlib
import json
import math
import os
import platform
import struct
import sys

import numpy as np

N = 10_000
HEAD = 1_000
SEEDS = list(range(11)) + [42, 12345, 2**32 + 1, 2**64 + 7, 2**128 - 1,
                           0x9E3779B97F4A7C15F39CC0605CEDC834]
PERM_SIZES = [1, 2, 75, 300, 10_000]
XOR_N, XOR_NOISE = 300, 0.1
ARCH = [2, 16, 16, 1]
XAVIER_SCALES = [0.5, 1.0, 2.0]


def hexd(values):
    return [format(struct.unpack("<Q", struct.pack("<d", float(v)))[0], "016x") for v in values]


def sha(values):
    return hashlib.sha256(np.asarray(values, dtype="<f8").tobytes()).hexdigest()


def ints(values):
    return [int(v) for v in values]


# The fixed interleaving for the "mixed" vectors; permutations use buffered 32-bit draws,
# the rest 64-bit draws, so the list mixes them in every order.
MIXED_OPS = [
    ["random", 3], ["permutation", 6], ["normal", 0.0, 1.0, 5], ["permutation", 4],
    ["uint32", 1], ["uniform", -2.0, 3.0, 4], ["uint32", 2], ["standard_normal", 3],
    ["permutation", 9], ["uint64", 2], ["random", 1], ["uint32", 3], ["permutation", 75],
    ["normal", 5.0, 0.25, 7], ["uint32", 1], ["random", 2], ["uniform", -1.0, 1.0, 6],
    ["permutation", 2], ["standard_normal", 11], ["uint32", 1], ["normal", -1.5, 2.0, 3],
    ["permutation", 33], ["uint64", 1], ["uint32", 5], ["random", 4], ["permutation", 300],
    ["uniform", 0.0, 10.0, 2], ["uint32", 1], ["standard_normal", 1], ["permutation", 1],
    ["uint32", 1], ["random", 1],
]


def run_op(rng, op):
    kind = op[0]
    if kind == "random":
        return hexd(rng.random(op[1]))
    if kind == "uniform":
        return hexd(rng.uniform(op[1], op[2], op[3]))
    if kind == "standard_normal":
        return hexd(rng.standard_normal(op[1]))
    if kind == "normal":
        return hexd(rng.normal(op[1], op[2], op[3]))
    if kind == "permutation":
        return ints(rng.permutation(op[1]))
    if kind == "uint32":  # integers over the full uint32 range return the raw next_uint32
        return ints(rng.integers(0, 2**32, size=op[1], dtype=np.uint32))
    if kind == "uint64":  # random_raw is the raw next_uint64; it leaves the 32-bit buffer alone
        return ints(rng.bit_generator.random_raw(op[1]))
    raise ValueError(kind)


def mixed(seed):
    rng = np.random.default_rng(seed)
    out = []
    for op in MIXED_OPS:
        values = run_op(rng, op)
        out.append({"op": op, "values": values, "has_uint32": int(rng.bit_generator.state["has_uint32"])})
    return out


def xor_data(seed):
    rng = np.random.default_rng(seed)
    u = rng.uniform(-1, 1, (XOR_N, 2))
    y = (u[:, 0] * u[:, 1] < 0).astype(float)
    noise = rng.normal(0, XOR_NOISE, u.shape)
    x = u + noise
    return {"n": XOR_N, "noise": XOR_NOISE, "uniform": hexd(u.ravel()), "normal": hexd(noise.ravel()),
            "X": hexd(x.ravel()), "y": hexd(y)}


def split(seed):
    perm = np.random.default_rng(seed).permutation(XOR_N)
    n_test = round(XOR_N * 0.25)
    return {"n": XOR_N, "n_test": n_test, "perm": ints(perm), "test": ints(perm[:n_test]),
            "train": ints(perm[n_test:])}


def xavier(seed):
    out = []
    for s in XAVIER_SCALES:
        rng = np.random.default_rng(seed)
        weights = []
        for fan_in, fan_out in zip(ARCH[:-1], ARCH[1:]):
            w = rng.normal(0, s * math.sqrt(2 / (fan_in + fan_out)), (fan_in, fan_out))
            weights.extend(w.ravel())  # row-major; biases are zero and draw nothing
        out.append({"scale": s, "weights": hexd(weights)})
    return out


def per_seed(seed):
    ss = np.random.SeedSequence(seed)
    entry = {
        "seed": str(seed),
        "pool": ints(ss.pool),
        "state_words": ints(ss.generate_state(4, np.uint64)),
        "raw_uint64": ints(np.random.default_rng(seed).bit_generator.random_raw(16)),
        "standard_normal": hexd(np.random.default_rng(seed).standard_normal(N)),
    }
    for name, draw in [("random", lambda r: r.random(N)),
                       ("uniform", lambda r: r.uniform(-1, 1, N)),
                       ("normal", lambda r: r.normal(0, 0.3, N))]:
        values = draw(np.random.default_rng(seed))
        entry[name] = {"head": hexd(values[:HEAD]), "count": N, "sha256": sha(values)}
    entry["permutations"] = [{"n": n, "values": ints(np.random.default_rng(seed).permutation(n))}
                             for n in PERM_SIZES]
    entry["mixed"] = mixed(seed)
    entry["xor"] = xor_data(seed)
    entry["split"] = split(seed)
    entry["xavier"] = xavier(seed)
    return entry


def libm_vectors():
    """log1p and exp as the C library computes them, for the arguments the ziggurat feeds them."""
    libm = ctypes.CDLL("libm.so.6")
    libm.log1p.restype = libm.exp.restype = ctypes.c_double
    libm.log1p.argtypes = libm.exp.argtypes = [ctypes.c_double]
    rng = np.random.default_rng(20240601)
    # -U for U = k * 2^-53 (what next_double yields), plus the algorithm's branch edges.
    xs = list(-rng.random(4000)) + list(-rng.random(500) * 2.0**-20) + list(-rng.random(200) * 2.0**-40)
    xs += [-0.0, 0.0, -2.0**-54, -2.0**-53, -2.0**-30, -2.0**-29, -2.0**-28, -0.2928, -0.2929, -0.29289,
           -0.5, -0.75, -(1 - 2.0**-53), 0.25, 0.41, 0.5, 1.0, 3.0]
    log1p = {"x": hexd(xs), "y": hexd([libm.log1p(float(x)) for x in xs])}
    zs = list(rng.random(4000) * 3.6541528853610088)
    args = [-0.5 * z * z for z in zs]
    exp = {"x": hexd(args), "y": hexd([libm.exp(a) for a in args])}
    return log1p, exp


def main():
    log1p, exp = libm_vectors()
    data = {
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "libc": " ".join(platform.libc_ver()),
        "generated_by": "tests/Unit/Random/oracle/make_vectors.py",
        "draws": N,
        "head": HEAD,
        "seeds": [per_seed(seed) for seed in SEEDS],
        "log1p": log1p,
        "exp": exp,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy_vectors.json.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as f:  # mtime=0: rerunning gives identical bytes
        f.write(json.dumps(data, separators=(",", ":")).encode())
    print(f"wrote {path} ({os.path.getsize(path)} bytes) with NumPy {np.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
