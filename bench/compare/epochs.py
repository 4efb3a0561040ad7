"""Times one full-batch gradient-descent epoch of the three networks of issue 15 in NumPy and PyTorch.

An epoch is what GradFlow's `EpochWithoutGradientFlow` / `LargeEpoch` benchmarks time, minus their
bookkeeping: the forward pass (z = a·W + b, tanh, a sigmoid output), the mean binary cross-entropy,
the backward pass and the update W -= lr·dW, b -= lr·db, float64, one thread. Networks:

    small  [2, 16, 16, 1]   225 rows   (the study's network without gradient-flow metrics)
    deep   [2, 64×16, 1]   1,024 rows
    wide   [2, 256×4, 1]   4,096 rows

Run with Debian's python (numpy 1.24, torch 1.13) through `bench/compare/run`, which pins one thread;
each figure is the median over repeats of a block of epochs long enough to time (printed in µs or ms).
"""
import os
import platform
import subprocess
import sys
import time

assert os.environ.get("OPENBLAS_NUM_THREADS") == "1", "run through bench/compare/run (OPENBLAS_NUM_THREADS=1)"

import numpy as np
import torch

torch.set_num_threads(1)

LR = 0.05
SHAPES = [
    ("small [2,16,16,1], 225 rows", [2, 16, 16, 1], 225),
    ("deep [2,64x16,1], 1,024 rows", [2] + [64] * 16 + [1], 1024),
    ("wide [2,256x4,1], 4,096 rows", [2] + [256] * 4 + [1], 4096),
]


def xor_data(rows, rng):
    # Noisy XOR like the study's data set: labels from the signs, Gaussian noise 0.1 on the points.
    x = rng.uniform(-1.0, 1.0, size=(rows, 2))
    y = ((x[:, 0] > 0) != (x[:, 1] > 0)).astype(np.float64).reshape(rows, 1)
    return x + rng.normal(0.0, 0.1, size=x.shape), y


def xavier(arch, rng):
    # Glorot normal, std sqrt(2 / (fan_in + fan_out)), zero biases; weights stored (fan_in, fan_out) as in GradFlow.
    ws = [rng.normal(0.0, np.sqrt(2.0 / (i + o)), size=(i, o)) for i, o in zip(arch[:-1], arch[1:])]
    return ws, [np.zeros(o) for o in arch[1:]]


def numpy_epoch(ws, bs, x, y):
    acts = [x]
    a = x
    for w, b in zip(ws[:-1], bs[:-1]):
        a = np.tanh(a @ w + b)
        acts.append(a)
    p = 1.0 / (1.0 + np.exp(-(a @ ws[-1] + bs[-1])))
    eps = 1e-12
    loss = -np.mean(y * np.log(p + eps) + (1.0 - y) * np.log(1.0 - p + eps))
    delta = (p - y) / x.shape[0]
    for l in range(len(ws) - 1, -1, -1):
        gw = acts[l].T @ delta
        gb = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ ws[l].T) * (1.0 - acts[l] * acts[l])
        ws[l] -= LR * gw
        bs[l] -= LR * gb
    return loss


def torch_epoch(ws, bs, x, y):
    a = x
    for w, b in zip(ws[:-1], bs[:-1]):
        a = torch.tanh(a @ w + b)
    p = torch.sigmoid(a @ ws[-1] + bs[-1])
    loss = torch.nn.functional.binary_cross_entropy(p, y)
    loss.backward()
    with torch.no_grad():
        for t in ws + bs:
            t -= LR * t.grad
            t.grad = None
    return loss


def median_epoch_seconds(epoch, budget):
    epoch()  # warm-up (allocator, first-call dispatch)
    start = time.perf_counter()
    epoch()
    once = time.perf_counter() - start
    per_block = max(1, int(0.05 / max(once, 1e-9)))  # a block of ≥ 50 ms
    repeats = max(5, min(31, int(budget / max(once * per_block, 1e-9))))
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(per_block):
            epoch()
        times.append((time.perf_counter() - start) / per_block)
    return float(np.median(times)), repeats, per_block


def show(seconds):
    return f"{seconds * 1e6:,.0f} µs" if seconds < 1e-2 else f"{seconds * 1e3:,.1f} ms"


def processor():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return platform.processor() or "unknown"


def main():
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0  # seconds per measurement
    print(f"processor: {processor()}, {os.cpu_count()} cpus; numpy {np.__version__}, torch {torch.__version__}, "
          f"float64, one thread (torch threads {torch.get_num_threads()}, OPENBLAS_NUM_THREADS=1)")
    rows = []
    for name, arch, n in SHAPES:
        rng = np.random.default_rng(0)
        x, y = xor_data(n, rng)
        ws, bs = xavier(arch, rng)
        nws, nbs = [w.copy() for w in ws], [b.copy() for b in bs]
        t_np, r_np, k_np = median_epoch_seconds(lambda: numpy_epoch(nws, nbs, x, y), budget)
        tx, ty = torch.from_numpy(x), torch.from_numpy(y)
        tws = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in ws]
        tbs = [torch.tensor(b, dtype=torch.float64, requires_grad=True) for b in bs]
        t_pt, r_pt, k_pt = median_epoch_seconds(lambda: torch_epoch(tws, tbs, tx, ty), budget)
        rows.append((name, show(t_np), show(t_pt), f"{r_np}×{k_np} / {r_pt}×{k_pt}"))
    head = ("epoch (tanh, float64, 1 thread)", "NumPy", "PyTorch", "repeats×epochs")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(4)]
    for r in [head, tuple("-" * w for w in widths)] + rows:
        print("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |")


if __name__ == "__main__":
    main()
