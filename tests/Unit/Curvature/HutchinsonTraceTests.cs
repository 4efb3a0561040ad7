using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class HutchinsonTraceTests
{
    [Fact]
    public void Estimate_RealHessian_LiesWithinFourStandardErrorsOfTheExactTrace()
    {
        var arch = Architecture.Parse("2,16,16,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 6);
        var data = GradientGateTests.SmallData(2, 6);
        var hvp = new HessianVectorProduct(arch, data.Count);
        hvp.Prepare(model, data);
        var h = DenseHessian.Compute(hvp);

        var estimate = new HutchinsonTrace(hvp.ParameterCount).Estimate(hvp.Apply, probes: 400, seed: 11);

        // Monte Carlo oracle: the estimate is a mean of 400 independent samples, so |mean − tr H| ≤ 4 SE
        // fails with probability < 1e-4; and the SE agrees with the exact per-probe variance 2·Σ_{i≠j} H_ij².
        Assert.True(Math.Abs(estimate.Mean - h.Trace) <= 4 * estimate.StandardError, $"estimate {estimate.Mean} ± {estimate.StandardError}, exact {h.Trace}");
        double offDiagonal = 0;
        for (int i = 0; i < h.Size; i++)
            for (int j = 0; j < h.Size; j++)
                if (i != j) offDiagonal += h[i, j] * h[i, j];
        double exactSe = Math.Sqrt(2 * offDiagonal / estimate.Probes);
        Assert.InRange(estimate.StandardError / exactSe, 0.8, 1.2);
    }

    [Fact]
    public void Estimate_DiagonalMatrix_IsExact()
    {
        // zᵀDz = Σ d_i for every ±1 vector z: no variance at all.
        var d = new[] { 1.5, -2.0, 0.25, 4.0 };
        void Apply(ReadOnlySpan<double> x, Span<double> y)
        {
            for (int i = 0; i < d.Length; i++) y[i] = d[i] * x[i];
        }
        var estimate = new HutchinsonTrace(4).Estimate(Apply, probes: 5, seed: 1);
        Assert.Equal(3.75, estimate.Mean);
        Assert.Equal(0.0, estimate.StandardError);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_NoDimension_Throws(int dimension)
    {
        Assert.Contains("dimension must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => new HutchinsonTrace(dimension)).Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Estimate_FewerThanTwoProbes_Throws(int probes)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new HutchinsonTrace(3).Estimate((x, y) => x.CopyTo(y), probes, 1));
        Assert.Contains("at least two probes, for a standard error", e.Message);
    }

    /// <summary>
    /// The all-ones matrix J of order 130: zᵀJz = (Σ z_i)², and Σ z_i = 130 − 2·(the number of −1 signs), whichever
    /// sign a set bit stands for. Probe p takes bits 0 … 63 of its first draw, then of its second, then bits 0 and 1 of
    /// its third (three 64-bit draws per probe, in order), so each sample is known from the raw stream; the mean and
    /// the standard error √(Σ(s − s̄)²/(p − 1)/p) are then the two-pass formulas.
    /// </summary>
    [Fact]
    public void Estimate_AllOnesMatrix_IsTheMeanAndStandardErrorOfTheSquaredSignSums()
    {
        const int n = 130, probes = 6;
        void Ones(ReadOnlySpan<double> x, Span<double> y)
        {
            double sum = 0;
            foreach (double v in x) sum += v;
            y.Fill(sum);
        }
        var rng = GradFlow.Random.Generator.DefaultRng(3);
        var samples = new double[probes];
        for (int p = 0; p < probes; p++)
        {
            int negatives = System.Numerics.BitOperations.PopCount(rng.NextUInt64()) + System.Numerics.BitOperations.PopCount(rng.NextUInt64())
                + System.Numerics.BitOperations.PopCount(rng.NextUInt64() & 3);
            samples[p] = Math.Pow(n - 2 * negatives, 2);
        }
        double mean = samples.Average(), se = Math.Sqrt(samples.Sum(s => (s - mean) * (s - mean)) / (probes - 1) / probes);

        var estimate = new HutchinsonTrace(n).Estimate(Ones, probes, 3);

        Assert.Equal(probes, estimate.Probes);
        Assert.Equal(mean, estimate.Mean, 12);
        Assert.Equal(se, estimate.StandardError, 12);
        Assert.True(se > 0);
    }

    [Fact]
    public void Estimate_TwoProbesOfAnExactCase_HasZeroError()
    {
        var estimate = new HutchinsonTrace(1).Estimate((x, y) => y[0] = -2.5 * x[0], probes: 2, seed: 9);
        Assert.Equal(-2.5, estimate.Mean);
        Assert.Equal(0.0, estimate.StandardError);
    }
}
