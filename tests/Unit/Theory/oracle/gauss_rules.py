"""Reference nodes and weights of Gauss rules, from mpmath at 60 significant digits, each also rounded to the
nearest double ("node"/"weight" as round-trip decimal strings, "node25"/"weight25" to 25 digits).
Independent of GradFlow's route: Gauss-Hermite and Gauss-Legendre from their closed-form Jacobi matrices
(A&S 22.7; also Laguerre, α_k = 2k + 1, β_k = k², Gauss-Hermite shifted by α_k = 1/1024, and Legendre on [0, 1], α_k = ½,
β_k = k²/(4(4k² − 1)), μ0 = 1), the half-range Hermite one from its exact moments Γ((k+1)/2)/2 through the Cholesky factor of the
Hankel matrix (Golub & Welsch 1969, §4) at 400 digits; eigenvalues by mpmath's eigsy, each then polished by
Newton on the characteristic recurrence at working precision; weight = μ0 / Σ p_k(x)² (orthonormal p_k).
Run with the pyenv python3 (mpmath 1.3.0): python3 gauss_rules.py > gauss_rules.json"""
import json
import mpmath as mp

def rule(alpha, beta, n):
    # alpha[0..n-1], beta[0] = mu0, beta[1..n-1]
    J = mp.matrix(n, n)
    for k in range(n):
        J[k, k] = alpha[k]
        if k + 1 < n:
            J[k, k + 1] = J[k + 1, k] = mp.sqrt(beta[k + 1])
    ev = mp.eigsy(J, eigvals_only=True)
    xs = sorted(ev[i] for i in range(n))
    out = []
    for x in xs:
        for _ in range(6):
            p, dp, s = orth(alpha, beta, n, x)
            x = x - p / dp
        p, dp, s = orth(alpha, beta, n, x)
        out.append((x, beta[0] / s))
    return out

def orth(alpha, beta, n, x):
    # orthonormal recurrence sqrt(b_{k+1}) p_{k+1} = (x - a_k) p_k - sqrt(b_k) p_{k-1}, sqrt(b_n) := 1
    pp, p, dpp, dp, s = mp.mpf(0), mp.mpf(1), mp.mpf(0), mp.mpf(0), mp.mpf(1)
    for k in range(n):
        bn = mp.sqrt(beta[k + 1]) if k + 1 < n else mp.mpf(1)
        bt = mp.sqrt(beta[k]) if k > 0 else mp.mpf(0)
        pn = ((x - alpha[k]) * p - bt * pp) / bn
        dn = (p + (x - alpha[k]) * dp - bt * dpp) / bn
        pp, p, dpp, dp = p, pn, dp, dn
        if k + 1 < n:
            s += p * p
    return p, dp, s

def half_range(n):
    with mp.workdps(400):
        m = [mp.gamma(mp.mpf(k + 1) / 2) / 2 for k in range(2 * n + 1)]
        H = mp.matrix(n + 1, n + 1)
        for i in range(n + 1):
            for j in range(n + 1):
                H[i, j] = m[i + j]
        L = mp.cholesky(H)  # H = L L^T, R = L^T
        r = lambda i, j: L[j, i]
        alpha, beta = [], [m[0]]
        for k in range(n):
            a = r(k, k + 1) / r(k, k) - (r(k - 1, k) / r(k - 1, k - 1) if k > 0 else 0)
            alpha.append(a)
            if k > 0:
                beta.append((r(k, k) / r(k - 1, k - 1)) ** 2)
        return [+a for a in alpha], [+b for b in beta]

def emit(name, n, pts):
    return {"rule": name, "n": n,
            "node": [repr(float(x)) for x, _ in pts], "weight": [repr(float(w)) for _, w in pts],
            "node25": [mp.nstr(x, 25) for x, _ in pts], "weight25": [mp.nstr(w, 25) for _, w in pts]}

mp.mp.dps = 60
rules = []
for n in [3, 8, 20, 64]:
    rules.append(emit("hermite", n, rule([mp.mpf(0)] * n, [mp.sqrt(mp.pi)] + [mp.mpf(k) / 2 for k in range(1, n)], n)))
for n in [8, 9]:
    rules.append(emit("hermite_shifted", n, rule([mp.mpf(1) / 1024] * n, [mp.sqrt(mp.pi)] + [mp.mpf(k) / 2 for k in range(1, n)], n)))
for n in [5, 24, 48]:
    rules.append(emit("legendre", n, rule([mp.mpf(0)] * n, [mp.mpf(2)] + [mp.mpf(k * k) / (4 * k * k - 1) for k in range(1, n)], n)))
for n in [6, 12]:
    rules.append(emit("laguerre", n, rule([mp.mpf(2 * k + 1) for k in range(n)], [mp.mpf(1)] + [mp.mpf(k * k) for k in range(1, n)], n)))
for n in [7]:
    rules.append(emit("legendre01", n, rule([mp.mpf(1) / 2] * n, [mp.mpf(1)] + [mp.mpf(k * k) / (4 * (4 * k * k - 1)) for k in range(1, n)], n)))
for n in [10, 64]:
    a, b = half_range(n)
    mp.mp.dps = 60
    rules.append(emit("halfrange", n, rule(a, b, n)))
print(json.dumps({"generator": "gauss_rules.py, mpmath " + mp.__version__ + ", 60 digits", "rules": rules}, indent=1))
