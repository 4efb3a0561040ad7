#!/usr/bin/python3
"""Writes big_seeds.json: np.random.default_rng(seed) for seeds of 2^128 and beyond.

NumPy takes any int >= 0; SeedSequence splits it into 32-bit words (lowest first) and mixes the
words beyond its 4-word pool in a third stage, which numpy_vectors.json.gz (seeds below 2^128) never reaches.
Run with Debian's NumPy:  /usr/bin/python3 tests/Unit/Random/oracle/make_big_seeds.py
Doubles are 16-hex-digit IEEE-754 bit patterns, so the tests compare bit for bit.
"""
import json
import os
import platform
import struct
import sys

import numpy as np

SEEDS = [2**128 - 1, 2**128, 2**160 + 5, 123456789012345678901234567890,
         2**256 - 1, 3**200, 2**1000 + 3, 10**300 + 7]
XOR_N, XOR_NOISE = 20, 0.1


def hexd(values):
    return [format(struct.unpack("<Q", struct.pack("<d", float(v)))[0], "016x") for v in values]


def ints(values):
    return [int(v) for v in values]


def per_seed(seed):
    ss = np.random.SeedSequence(seed)
    rng = np.random.default_rng(seed)
    u = rng.uniform(-1, 1, (XOR_N, 2))
    noise = rng.normal(0, XOR_NOISE, u.shape)
    return {
        "seed": str(seed),
        "words": max(1, (seed.bit_length() + 31) // 32),
        "pool": ints(ss.pool),
        "state_words": ints(ss.generate_state(4, np.uint64)),
        "raw_uint64": ints(np.random.default_rng(seed).bit_generator.random_raw(8)),
        "standard_normal": hexd(np.random.default_rng(seed).standard_normal(16)),
        "permutation_10": ints(np.random.default_rng(seed).permutation(10)),
        "xor_x": hexd((u + noise).ravel()),
    }


def main():
    data = {
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "generated_by": "tests/Unit/Random/oracle/make_big_seeds.py",
        "xor_n": XOR_N,
        "xor_noise": XOR_NOISE,
        "seeds": [per_seed(seed) for seed in SEEDS],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "big_seeds.json")
    with open(path, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes) with NumPy {np.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
