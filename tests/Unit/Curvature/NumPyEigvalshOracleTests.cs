using System.Text.Json;
using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Curvature;

/// <summary>
/// The eigensolver against NumPy's <c>eigvalsh</c> (LAPACK) on one real Hessian, written once by
/// oracle/make_eigvalsh_oracle.py (NumPy 1.24, Debian) from the output of <c>gradflow hessian</c>.
/// </summary>
public sealed class NumPyEigvalshOracleTests
{
    private const double UnitRoundoff = 1.1102230246251565e-16;

    private static (double[] Hessian, int Size, double[] Eigenvalues) Oracle()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Curvature", "oracle", "eigvalsh_oracle.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var rows = doc.RootElement.GetProperty("hessian").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
        var eig = doc.RootElement.GetProperty("eigvalsh").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return (rows.SelectMany(r => r).ToArray(), rows.Length, eig);
    }

    [Fact]
    public void Decompose_StoredHessian_MatchesNumPyEigvalsh()
    {
        var (h, n, expected) = Oracle();
        var values = SymmetricEigen.Decompose(h, n, vectors: false).Values;

        // Both solvers are backward stable: each eigenvalue within O(n·u·‖H‖) of the exact one (Weyl).
        double norm = h.Max(Math.Abs) * n;
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < n; i++)
            Assert.True(Math.Abs(values[i] - expected[i]) <= 8 * n * UnitRoundoff * norm, $"λ_{i}: {values[i]} vs NumPy {expected[i]}");
    }

    [Fact]
    public void Compute_SameSeeds_ReproducesTheStoredHessian()
    {
        var (h, n, _) = Oracle();
        var model = Mlp.Init(Architecture.Parse("2,4,4,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);
        var train = Xor.Split(Xor.Generate(40, 0.1, 3), 0.25, 3).Train;

        var computed = DenseHessian.Compute(model, train);

        Assert.Equal(n, computed.Size);
        Assert.Equal(h, computed.Values);
    }
}
