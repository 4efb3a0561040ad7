#!/usr/bin/python3
"""NumPy reference spectrum of one real GradFlow Hessian (the eigensolver's independent oracle).

The Hessian comes from the command line, then numpy.linalg.eigvalsh (LAPACK syevd) diagonalises it:

    gradflow init --arch 2,4,4,1 --activation tanh --seed 3 --out m.json
    gradflow dataset --n 40 --noise 0.1 --seed 3 --test-size 0.25 --out d.csv
    gradflow hessian --model m.json --data d.csv --out h.json
    /usr/bin/python3 make_eigvalsh_oracle.py h.json > eigvalsh_oracle.json

The test recomputes the Hessian from the same seeds, checks it against the stored one, and compares
GradFlow's eigenvalues of the stored matrix with NumPy's.
"""
import json
import sys

import numpy as np

with open(sys.argv[1]) as f:
    h = json.load(f)
matrix = np.array(h["hessian"], dtype=np.float64)
out = {
    "source": "gradflow init --arch 2,4,4,1 --activation tanh --seed 3; dataset --n 40 --noise 0.1 --seed 3 --test-size 0.25",
    "numpy": np.__version__,
    "hessian": matrix.tolist(),
    "eigvalsh": np.linalg.eigvalsh(matrix).tolist(),
}
json.dump(out, sys.stdout, indent=1)
sys.stdout.write("\n")
