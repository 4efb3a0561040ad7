"""Reference values of E_z[phi(sqrt(q) z)^2] and E_z[phi'(sqrt(q) z)^2], z ~ N(0,1), for GradFlow's
activations, by mpmath's tanh-sinh quadrature at 40 significant digits, split at 0 (every kink is at 0).
Run with Debian's python3 (mpmath 1.2): /usr/bin/python3 gaussian_expectations.py > gaussian_expectations.json"""
import json
import mpmath as mp

mp.mp.dps = 40

def sig(z):
    return 1 / (1 + mp.exp(-z))

def cdf(z):
    return mp.ncdf(z)

def pdf(z):
    return mp.npdf(z)

ACT = {
    "relu": (lambda z: z if z > 0 else mp.mpf(0), lambda z: mp.mpf(1) if z > 0 else mp.mpf(0)),
    "tanh": (mp.tanh, lambda z: 1 - mp.tanh(z) ** 2),
    "arctan": (mp.atan, lambda z: 1 / (1 + z * z)),
    "softsign": (lambda z: z / (1 + abs(z)), lambda z: 1 / (1 + abs(z)) ** 2),
    "sigmoid": (sig, lambda z: sig(z) * (1 - sig(z))),
    "leaky_relu": (lambda z: z if z > 0 else mp.mpf("0.01") * z, lambda z: mp.mpf(1) if z > 0 else mp.mpf("0.01")),
    "elu": (lambda z: z if z > 0 else mp.expm1(z), lambda z: mp.mpf(1) if z > 0 else mp.exp(z)),
    "gelu": (lambda z: z * cdf(z), lambda z: cdf(z) + z * pdf(z)),
    "silu": (lambda z: z * sig(z), lambda z: sig(z) + z * sig(z) * (1 - sig(z))),
    "softplus": (lambda z: mp.log1p(mp.exp(z)), sig),
}

def expect(g, q):
    r = mp.sqrt(q)
    h = lambda z: g(r * z) * mp.npdf(z)
    return mp.quad(h, [-mp.inf, -8, -4, -2, -1, 0, 1, 2, 4, 8, mp.inf])

QS = ["0.001", "0.01", "0.1", "0.5", "1", "2", "4", "8", "16"]
rows = []
for name, (phi, dphi) in ACT.items():
    for qs in QS:
        q = mp.mpf(qs)
        rows.append({
            "activation": name,
            "q": float(q),
            "phi2": mp.nstr(expect(lambda u: phi(u) ** 2, q), 25),
            "dphi2": mp.nstr(expect(lambda u: dphi(u) ** 2, q), 25),
        })
print(json.dumps({"generator": "gaussian_expectations.py, mpmath " + mp.__version__ + ", 40 digits", "rows": rows}, indent=1))
