using GradFlow.Curvature;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class TridiagonalEigenTests
{
    [Fact]
    public void Solve_SecondDifferenceWithVectors_GivesTheClosedFormPairs()
    {
        // tridiag(−1, 2, −1) of order n: λ_k = 2 − 2cos(kπ/(n + 1)) with eigenvector sin(jkπ/(n + 1)), j = 1 … n.
        const int n = 9;
        var d = Enumerable.Repeat(2.0, n).ToArray();
        var e = Enumerable.Repeat(-1.0, n).ToArray();
        var z = SymmetricEigen.Identity(n);

        TridiagonalEigen.Solve(d, e, n, z);

        for (int i = 0; i < n; i++)
        {
            // The eigenvalue fixes k; the column must be the normalised sine vector up to sign.
            double k = Math.Acos((2 - d[i]) / 2) * (n + 1) / Math.PI;
            int kk = (int)Math.Round(k);
            Assert.True(Math.Abs(k - kk) <= 1e-9, $"d[{i}] = {d[i]} is no eigenvalue");
            double norm = Math.Sqrt((n + 1) / 2.0), dot = 0;
            for (int j = 0; j < n; j++) dot += z[j * n + i] * Math.Sin((j + 1) * kk * Math.PI / (n + 1)) / norm;
            Assert.True(Math.Abs(Math.Abs(dot) - 1) <= 1e-12, $"column {i}: |cos| = {Math.Abs(dot)}");
        }
        Assert.Equal(Enumerable.Range(1, n), d.Select(v => (int)Math.Round(Math.Acos((2 - v) / 2) * (n + 1) / Math.PI)).Order());
    }

    [Fact]
    public void Solve_TwoUncoupledBlocks_GivesEachBlocksClosedForm()
    {
        // [[1, 2], [2, −2]] ⊕ [[3, 0.5], [0.5, 3]]: (1 − 2)/2 ± √(1.5² + 4) = −0.5 ± 2.5, and 3 ± 0.5.
        double[] d = [1, -2, 3, 3], e = [2, 0, 0.5, 0];

        TridiagonalEigen.Solve(d, e, 4, null);

        var sorted = d.Order().ToArray();
        double[] expected = [-3, 2, 2.5, 3.5];
        for (int i = 0; i < 4; i++) Assert.True(Math.Abs(sorted[i] - expected[i]) <= 1e-15 * 4, $"{sorted[i]} vs {expected[i]}");
    }

    [Fact]
    public void Solve_NegligibleCouplingBesideZeroDiagonal_SplitsOffExactZeros()
    {
        // d = (0, 0, 0, 4), e = (1e-17, 1e-17, 1): the first two couplings are below ε‖T‖ (‖T‖ ≈ 5), so rows 0 and 1
        // split off with their exact zeros, and the block [[0, 1], [1, 4]] gives 2 ± √5.
        double[] d = [0, 0, 0, 4], e = [1e-17, 1e-17, 1, 0];

        TridiagonalEigen.Solve(d, e, 4, null);

        Assert.Equal(0.0, d[0]);
        Assert.Equal(0.0, d[1]);
        var block = d.Skip(2).Order().ToArray();
        Assert.True(Math.Abs(block[0] - (2 - Math.Sqrt(5))) <= 1e-15 && Math.Abs(block[1] - (2 + Math.Sqrt(5))) <= 1e-14, $"{block[0]}, {block[1]}");
    }

    [Fact]
    public void Solve_HugeEntries_NeitherOverflowsNorLosesTheSmallEigenvalue()
    {
        // 1e300·[[2, 1], [1, 2]] has eigenvalues 1e300 and 3e300; a naive √(a² + b²) would overflow to ∞.
        double[] d = [2e300, 2e300], e = [1e300, 0];

        TridiagonalEigen.Solve(d, e, 2, null);

        var sorted = d.Order().ToArray();
        Assert.True(Math.Abs(sorted[0] / 1e300 - 1) <= 1e-14 && Math.Abs(sorted[1] / 3e300 - 1) <= 1e-14, $"{sorted[0]}, {sorted[1]}");
    }

    [Fact]
    public void Solve_EmptyMatrix_DoesNothing()
    {
        TridiagonalEigen.Solve([], [], 0, null);
    }

    [Fact]
    public void Solve_NaNCoupling_ThrowsInsteadOfLoopingForever()
    {
        double[] d = [1, 2, 3], e = [double.NaN, 1, 0];
        var ex = Assert.Throws<InvalidOperationException>(() => TridiagonalEigen.Solve(d, e, 3, null));
        Assert.Contains("the QL iteration did not converge for eigenvalue 0 in 60 sweeps", ex.Message);
    }

    [Fact]
    public void Solve_LastRowOnly_IsTheLastRowOfTheFullEigenvectorMatrix()
    {
        // Lanczos carries only row n − 1 of the eigenvector matrix; it must equal that row of the full one.
        double[] d0 = [1, -0.5, 2, 0.25, 3], e0 = [0.7, -1.2, 0.4, 0.9, 0];
        int n = d0.Length;
        double[] d1 = (double[])d0.Clone(), e1 = (double[])e0.Clone(), d2 = (double[])d0.Clone(), e2 = (double[])e0.Clone();
        var full = SymmetricEigen.Identity(n);
        var last = new double[n];
        last[n - 1] = 1;

        TridiagonalEigen.Solve(d1, e1, n, full);
        TridiagonalEigen.Solve(d2, e2, n, last, 1);

        Assert.Equal(d1, d2);
        Assert.Equal(full.AsSpan((n - 1) * n, n).ToArray(), last);
    }

    [Fact]
    public void Solve_CouplingExactlyAtEitherThreshold_Splits()
    {
        // |e| = ε·(|d₀| + |d₁|) exactly: [[1, 2⁻⁵¹], [2⁻⁵¹, 1]] splits and keeps its diagonal (rotating would give 1 ± 2⁻⁵¹).
        double[] d = [1, 1], e = [Math.ScaleB(1, -51), 0];
        TridiagonalEigen.Solve(d, e, 2, null);
        Assert.Equal([1.0, 1.0], d);

        // |e| = ε·‖T‖ exactly beside a zero diagonal: ‖T‖ = max_i (|d_i| + |e_i|) = 3 + 1 from row 2, e₀ = 2⁻⁵⁰; rotating
        // would give ±2⁻⁵⁰. The block [[3, 1], [1, 0]] then gives (3 ± √13)/2.
        double[] d2 = [0, 0, 3, 0], e2 = [Math.ScaleB(1, -50), 0, 1, 0];
        TridiagonalEigen.Solve(d2, e2, 4, null);
        Assert.Equal(0.0, d2[0]);
        Assert.Equal(0.0, d2[1]);
        var block = d2.Skip(2).Order().ToArray();
        Assert.True(Math.Abs(block[0] - (3 - Math.Sqrt(13)) / 2) <= 1e-15 && Math.Abs(block[1] - (3 + Math.Sqrt(13)) / 2) <= 1e-15, $"{block[0]}, {block[1]}");
    }

    /// <summary>
    /// A subnormal matrix (entries near 1e-310, granularity 2⁻¹⁰⁷⁴) on which a rotation's √(f² + g²) underflows to 0
    /// (the matrix then splits there and the sweep starts over). Oracle: bisection on Sturm counts of the same matrix
    /// scaled by 2¹⁰⁰⁰ (exact), scaled back; the solver may err by a few units of 2⁻¹⁰⁷⁴.
    /// </summary>
    [Fact]
    public void Solve_SubnormalMatrixWhoseRotationUnderflows_MatchesSturmBisection()
    {
        double[] d = [-5e-324, 0, -1e-310, 2e-310], e = [2e-310, -5e-324, 2e-310, 0];
        var expected = SturmEigenvalues(d.Select(x => Math.ScaleB(x, 1000)).ToArray(), e.Select(x => Math.ScaleB(x, 1000)).ToArray())
            .Select(x => Math.ScaleB(x, -1000)).ToArray();

        TridiagonalEigen.Solve(d, e, 4, null);

        var sorted = d.Order().ToArray();
        for (int i = 0; i < 4; i++) Assert.True(Math.Abs(sorted[i] - expected[i]) <= 8 * double.Epsilon, $"λ_{i}: {sorted[i]:R} vs {expected[i]:R}");
    }

    // Eigenvalues ascending by bisection: the number below x is the count of negative pivots of T − xI (Sturm).
    private static double[] SturmEigenvalues(double[] d, double[] e)
    {
        int n = d.Length;
        double bound = Enumerable.Range(0, n).Max(i => Math.Abs(d[i]) + Math.Abs(e[i]) + (i > 0 ? Math.Abs(e[i - 1]) : 0));
        int Below(double x)
        {
            int count = 0;
            double q = 1;
            for (int i = 0; i < n; i++)
            {
                q = d[i] - x - (i > 0 ? e[i - 1] * e[i - 1] / q : 0);
                if (q == 0) q = 1e-300 * bound;
                if (q < 0) count++;
            }
            return count;
        }
        var values = new double[n];
        for (int k = 0; k < n; k++)
        {
            double lo = -bound, hi = bound;
            for (int it = 0; it < 200; it++)
            {
                double mid = 0.5 * (lo + hi);
                if (Below(mid) > k) hi = mid;
                else lo = mid;
            }
            values[k] = 0.5 * (lo + hi);
        }
        return values;
    }
}
