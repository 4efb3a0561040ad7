using GradFlow.Activations;
using GradFlow.Diagnostics;
using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Diagnostics;

/// <summary>
/// The scalar loops of <see cref="GradientFlowMetrics"/> (taken where Vector256 is not accelerated, forced here by
/// the internal vectorize: false) write every column with the vector loops' bits, and their counts, sums and
/// norms equal a plain loop over the values written here (exact: the sums are of binary fractions).
/// </summary>
public sealed class GradientFlowMetricsScalarTwinTests
{
    private const double DerivEps = 0.25, ZLinearEps = 0.5;

    public enum Pattern
    {
        /// <summary>Uniform reals: no exact sums, so only the counts are checked against the plain loop.</summary>
        Random,
        /// <summary>Multiples of 1/1024 in [−4, 4]: every sum and sum of squares is exact in any order.</summary>
        Dyadic,
        /// <summary>Values at ±eps and ±zEps and one ulp either side, with zeros.</summary>
        Thresholds,
        Zeros,
        /// <summary>Dyadic and all below zero.</summary>
        Negatives,
    }

    public static TheoryData<int, Pattern> Cases()
    {
        var data = new TheoryData<int, Pattern>();
        foreach (int n in Enumerable.Range(1, 19).Concat([64, 100, 1003]))
            foreach (Pattern p in Enum.GetValues<Pattern>())
                data.Add(n, p);
        return data;
    }

    private static bool IsExact(Pattern p) => p is Pattern.Dyadic or Pattern.Zeros or Pattern.Negatives;

    private static double Draw(System.Random rng, Pattern p, double eps) => p switch
    {
        Pattern.Random => rng.NextDouble() * 4 - 2,
        Pattern.Dyadic => rng.Next(-4096, 4097) / 1024.0,
        Pattern.Thresholds => (rng.Next(6) switch
        {
            0 => eps,
            1 => Math.BitDecrement(eps),
            2 => Math.BitIncrement(eps),
            3 => 0.0,
            4 => 2 * eps,
            _ => eps / 2,
        }) * (rng.Next(2) == 0 ? -1 : 1),
        Pattern.Zeros => 0.0,
        _ => -rng.Next(1, 4097) / 1024.0,
    };

    private static double[] Values(System.Random rng, Pattern p, int n, double eps) =>
        Enumerable.Range(0, n).Select(_ => Draw(rng, p, eps)).ToArray();

    private static void AssertSame(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");

    // [1, 1, 2, 1] over n rows: hidden layers of n and 2n values, an output δ of n values.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_ScalarLoops_EveryColumnHasTheVectorLoopsBitsAndThePlainLoopsCounts(int n, Pattern pattern)
    {
        var arch = new Architecture([1, 1, 2, 1]);
        var activation = Activation<Tanh>.Instance;
        var vector = new GradientFlowMetrics(arch, activation, n, DerivEps, ZLinearEps);
        var scalar = new GradientFlowMetrics(arch, activation, n, DerivEps, ZLinearEps, vectorize: false);
        var rng = new System.Random(n * 31 + (int)pattern);
        int[] sizes = [n, 2 * n];
        int[] widths = [1, 2];
        var z = sizes.Select(s => Values(rng, pattern, s, ZLinearEps)).ToArray();
        var dphi = sizes.Select(s => Values(rng, pattern, s, DerivEps)).ToArray();
        var delta = new[] { n, 2 * n, n }.Select(s => Values(rng, pattern, s, DerivEps)).ToArray();
        var rowV = new double[vector.Columns.Count];
        var rowS = new double[scalar.Columns.Count];
        // A few epochs of slowly moving values, so that the percentile trackers also take their band paths.
        for (int epoch = 0; epoch < 4; epoch++)
        {
            vector.Write(z, dphi, delta, rowV);
            scalar.Write(z, dphi, delta, rowS);
            string at = $"n = {n}, {pattern}, epoch {epoch}";
            for (int c = 0; c < rowV.Length; c++) AssertSame(rowV[c], rowS[c], $"{scalar.Columns[c]}, {at}");
            var col = scalar.Columns.Select((name, i) => (name, rowS[i])).ToDictionary(p => p.name, p => p.Item2);

            // The plain loop: counts always; sums, means and norms where they are exact.
            long small = 0, near = 0, total = 0;
            double sumD = 0, sumZ = 0;
            for (int l = 0; l < 2; l++)
            {
                long smallL = 0;
                double sumDL = 0;
                for (int i = 0; i < sizes[l]; i++)
                {
                    smallL += Math.Abs(dphi[l][i]) < DerivEps ? 1 : 0;
                    near += Math.Abs(z[l][i]) <= ZLinearEps ? 1 : 0;
                    sumDL += Math.Abs(dphi[l][i]);
                    sumZ += Math.Abs(z[l][i]);
                }
                small += smallL;
                sumD += sumDL;
                total += sizes[l];
                // Dead: a unit (n contiguous rows) whose every |φ′| is below eps.
                int dead = 0;
                for (int j = 0; j < widths[l]; j++)
                {
                    bool all = true;
                    for (int r = 0; r < n; r++) all &= Math.Abs(dphi[l][j * n + r]) < DerivEps;
                    dead += all ? 1 : 0;
                }
                AssertSame((double)dead / widths[l], col[$"dead_units_L{l + 1}"], $"dead_units_L{l + 1}, {at}");
                var absZ = z[l].Select(Math.Abs).ToArray();
                AssertSame(Percentile.Of(absZ, 90), col[$"z_p90_abs_L{l + 1}"], $"z_p90_abs_L{l + 1}, {at}");
                if (IsExact(pattern)) AssertSame(sumDL / sizes[l], col[$"dphi_mean_abs_L{l + 1}"], $"dphi_mean_abs_L{l + 1}, {at}");
            }
            AssertSame(small / (double)total, col["dphi_small_rate"], $"dphi_small_rate, {at}");
            AssertSame(near / (double)total, col["z_near0_rate"], $"z_near0_rate, {at}");
            var pooledD = dphi.SelectMany(d => d).Select(Math.Abs).ToArray();
            var pooledZ = z.SelectMany(d => d).Select(Math.Abs).ToArray();
            AssertSame(Percentile.Of(pooledD, 10), col["dphi_p10_abs"], $"dphi_p10_abs, {at}");
            AssertSame(Percentile.Of(pooledD, 1), col["dphi_p01_abs"], $"dphi_p01_abs, {at}");
            AssertSame(Percentile.Of(pooledZ, 90), col["z_p90_abs"], $"z_p90_abs, {at}");
            if (IsExact(pattern))
            {
                AssertSame(sumD / total, col["dphi_mean_abs"], $"dphi_mean_abs, {at}");
                AssertSame(sumZ / total, col["z_mean_abs"], $"z_mean_abs, {at}");
                for (int l = 0; l < 3; l++)
                {
                    double squares = 0;
                    foreach (double e in delta[l]) squares += e * e;
                    AssertSame(Math.Sqrt(squares), col[$"delta_norm_L{l + 1}"], $"delta_norm_L{l + 1}, {at}");
                }
            }

            // Move a few values (keeping each pattern's kind of value) for the next epoch.
            foreach (var a in z.Concat(dphi).Concat(delta))
                for (int k = 0; k < Math.Max(1, a.Length / 8); k++)
                    a[rng.Next(a.Length)] = Draw(rng, pattern, ReferenceEquals(a, z[0]) || ReferenceEquals(a, z[1]) ? ZLinearEps : DerivEps);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Norm_ScalarLoop_HasTheVectorLoopsBitsAndTheExactNormOfExactSquares(int n, Pattern pattern)
    {
        var x = Values(new System.Random(n * 7 + (int)pattern), pattern, n, DerivEps);
        double scalar = GradientFlowMetrics.Norm(x, vectorize: false);
        AssertSame(GradientFlowMetrics.Norm(x), scalar, $"n = {n}, {pattern}");
        if (IsExact(pattern))
        {
            double squares = 0;
            foreach (double e in x) squares += e * e;
            AssertSame(Math.Sqrt(squares), scalar, $"n = {n}, {pattern}, plain loop");
        }
    }
}
