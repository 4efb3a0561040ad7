using GradFlow.Activations;
using GradFlow.Diagnostics;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Diagnostics;

/// <summary>
/// Each metric on hand-built caches of a [2, 3, 2, 1] net over two rows, deriv_eps = 0.25 and
/// z_linear_eps = 0.5 (binary fractions, so every sum below is exact), with the answers derived by hand.
/// </summary>
public sealed class GradientFlowMetricsTests
{
    private const double DerivEps = 0.25, ZLinearEps = 0.5;
    private static readonly Architecture Arch = new([2, 3, 2, 1]);

    // The caches are unit-major, as BatchPass's: unit j's two rows at [2j, 2j + 1].
    // Layer 1, units u0, u1, u2. u0 is small on both rows (dead); u1 is small on row 1 only and exactly
    // at deriv_eps on row 0 (alive); u2 is large. Two z are exactly at ±z_linear_eps.
    private static readonly double[] Z1 = [-2.0, -0.5, /**/ 0.5, 3.0, /**/ 0.25, 0.125];
    private static readonly double[] Dphi1 = [0.0, -0.125, /**/ 0.25, 0.125, /**/ 1.0, 0.5];
    // Layer 2: two small values, one per unit, so no unit is dead although there are as many small
    // values as rows.
    private static readonly double[] Z2 = [1.0, 0.0, /**/ -1.0, 4.0];
    private static readonly double[] Dphi2 = [0.03125, 1.0, /**/ 0.0625, 1.0];
    private static readonly double[] Delta1 = [3.0, 0.0, 4.0, 0.0, 0.0, 0.0];
    private static readonly double[] Delta2 = [1.0, 2.0, 2.0, 0.0];
    private static readonly double[] Delta3 = [-1.5, 2.0];

    private static Dictionary<string, double> HandBuiltRow(Activation? activation = null)
    {
        var metrics = new GradientFlowMetrics(Arch, activation ?? Activation<Relu>.Instance, trainCount: 2, DerivEps, ZLinearEps);
        var row = new double[metrics.Columns.Count];
        metrics.Write([Z1, Z2], [Dphi1, Dphi2], [Delta1, Delta2, Delta3], row);
        return metrics.Columns.Select((c, i) => (c, row[i])).ToDictionary(p => p.c, p => p.Item2);
    }

    [Fact]
    public void Columns_TwoHiddenLayers_ArePooledThenPerLayerGroupsThenDeltaNorms()
    {
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, 2);
        string[] expected =
        [
            "dphi_small_rate", "dphi_mean_abs", "dphi_p10_abs", "dphi_p01_abs", "dphi_log_mean",
            "z_mean_abs", "z_p90_abs", "z_near0_rate", "limit_rate",
            "limit_rate_L1", "limit_rate_L2", "dphi_mean_abs_L1", "dphi_mean_abs_L2",
            "z_p90_abs_L1", "z_p90_abs_L2", "dead_units_L1", "dead_units_L2",
            "delta_norm_L1", "delta_norm_L2", "delta_norm_L3",
        ];
        Assert.Equal(expected, metrics.Columns);
    }

    [Fact]
    public void Columns_NoHiddenLayer_KeepThePooledColumnsAndOneDeltaNorm()
    {
        var metrics = new GradientFlowMetrics(new Architecture([2, 1]), Activation<Tanh>.Instance, 3);
        Assert.Equal(
            ["dphi_small_rate", "dphi_mean_abs", "dphi_p10_abs", "dphi_p01_abs", "dphi_log_mean",
             "z_mean_abs", "z_p90_abs", "z_near0_rate", "limit_rate", "delta_norm_L1"],
            metrics.Columns);
    }

    [Fact]
    public void Write_NoHiddenLayer_WritesNaNForPooledMetricsAndTheOutputDeltaNorm()
    {
        var metrics = new GradientFlowMetrics(new Architecture([2, 1]), Activation<Tanh>.Instance, 3);
        var row = new double[metrics.Columns.Count];
        metrics.Write([], [], [[0.0, 3.0, -4.0]], row);
        Assert.All(row[..9], v => Assert.True(double.IsNaN(v)));
        Assert.Equal(5.0, row[9]);
    }

    [Fact]
    public void DphiSmallRate_ValueExactlyAtDerivEps_IsNotSmall()
    {
        // |φ′| < 0.25: layer 1 has 0, 0.125, 0.125 (not 0.25); layer 2 has 0.03125, 0.0625: 5 of 10.
        Assert.Equal(0.5, HandBuiltRow()["dphi_small_rate"]);
    }

    [Fact]
    public void Rates_EveryElementExactlyAtItsThreshold_CountAsNotSmallAndAsNear()
    {
        // 5 units × 3 rows = 15 values: every position of the 4-lane loop and its tail sees the boundary.
        var arch = new Architecture([2, 5, 1]);
        var metrics = new GradientFlowMetrics(arch, Activation<Relu>.Instance, 3, DerivEps, ZLinearEps);
        var row = new double[metrics.Columns.Count];
        var z = Enumerable.Range(0, 15).Select(i => i % 2 == 0 ? ZLinearEps : -ZLinearEps).ToArray();
        var dphi = Enumerable.Range(0, 15).Select(i => i % 3 == 0 ? -DerivEps : DerivEps).ToArray();
        metrics.Write([z], [dphi], [new double[15], new double[3]], row);
        var columns = metrics.Columns.ToList();
        Assert.Equal(0.0, row[columns.IndexOf("dphi_small_rate")]);
        Assert.Equal(1.0, row[columns.IndexOf("z_near0_rate")]);
        Assert.Equal(0.0, row[columns.IndexOf("dead_units_L1")]);
    }

    [Fact]
    public void Rates_EveryElementJustInsideItsThreshold_CountAsSmallAndAsNear()
    {
        var arch = new Architecture([2, 5, 1]);
        var metrics = new GradientFlowMetrics(arch, Activation<Relu>.Instance, 3, DerivEps, ZLinearEps);
        var row = new double[metrics.Columns.Count];
        double below = Math.BitDecrement(DerivEps), beyond = Math.BitIncrement(ZLinearEps);
        var z = Enumerable.Range(0, 15).Select(i => i % 2 == 0 ? beyond : -beyond).ToArray();
        var dphi = Enumerable.Range(0, 15).Select(i => i % 3 == 0 ? -below : below).ToArray();
        metrics.Write([z], [dphi], [new double[15], new double[3]], row);
        var columns = metrics.Columns.ToList();
        Assert.Equal(1.0, row[columns.IndexOf("dphi_small_rate")]);
        Assert.Equal(0.0, row[columns.IndexOf("z_near0_rate")]);
        Assert.Equal(1.0, row[columns.IndexOf("dead_units_L1")]);
    }

    [Fact]
    public void MeansAndNorm_LayerOfFifteenValues_IncludeEveryValue()
    {
        // 15 values: three groups of four and a tail of three. Powers of two keep every sum exact.
        var arch = new Architecture([2, 5, 1]);
        var metrics = new GradientFlowMetrics(arch, Activation<Relu>.Instance, 3, DerivEps, ZLinearEps);
        var row = new double[metrics.Columns.Count];
        var z = Enumerable.Range(0, 15).Select(i => Math.ScaleB(i % 2 == 0 ? 1.0 : -1.0, i)).ToArray();
        var dphi = Enumerable.Range(0, 15).Select(i => -Math.ScaleB(1.0, -i)).ToArray();
        var delta = Enumerable.Repeat(2.0, 15).ToArray();
        metrics.Write([z], [dphi], [delta, new double[3]], row);
        var columns = metrics.Columns.ToList();
        Assert.Equal((Math.ScaleB(1.0, 15) - 1) / 15, row[columns.IndexOf("z_mean_abs")]);      // 1 + 2 + … + 2^14
        Assert.Equal((2 - Math.ScaleB(1.0, -14)) / 15, row[columns.IndexOf("dphi_mean_abs")]);  // 1 + 1/2 + … + 2^−14
        Assert.Equal((2 - Math.ScaleB(1.0, -14)) / 15, row[columns.IndexOf("dphi_mean_abs_L1")]);
        double logMean = dphi.Sum(d => Math.Log(Math.Abs(d) + 1e-12)) / 15;
        Assert.Equal(logMean, row[columns.IndexOf("dphi_log_mean")], 1e-14);
        Assert.Equal(Math.Sqrt(60), row[columns.IndexOf("delta_norm_L1")]);                     // √(15 · 2²)
    }

    [Fact]
    public void DphiMeanAbs_NegativeDerivative_CountsItsMagnitude()
    {
        var row = HandBuiltRow();
        Assert.Equal(2.0 / 6, row["dphi_mean_abs_L1"]);       // 0 + 0.25 + 1 + 0.125 + 0.125 + 0.5
        Assert.Equal(2.09375 / 4, row["dphi_mean_abs_L2"]);   // 0.03125 + 0.0625 + 1 + 1
        Assert.Equal(4.09375 / 10, row["dphi_mean_abs"]);
    }

    [Fact]
    public void DphiPercentiles_PooledOverBothLayers_FollowNumPysInterpolation()
    {
        // Pooled |φ′| sorted: 0, 0.03125, 0.0625, 0.125, 0.125, 0.25, 0.5, 1, 1, 1.
        // p10: index 9·0.1, between 0 and 0.03125 with t ≥ 0.5, so from the upper neighbour.
        double t10 = 9 * (10 / 100.0);
        double p10 = 0.03125 - (0.03125 - 0.0) * (1 - t10);
        // p01: index 9·0.01, t < 0.5, from the lower neighbour.
        double t01 = 9 * (1 / 100.0);
        double p01 = 0.0 + (0.03125 - 0.0) * t01;
        var row = HandBuiltRow();
        Assert.Equal(p10, row["dphi_p10_abs"]);
        Assert.Equal(p01, row["dphi_p01_abs"]);
    }

    [Fact]
    public void DphiLogMean_IsTheMeanOfLogOfMagnitudePlusFloor()
    {
        double[] magnitudes = [0.0, 0.25, 1.0, 0.125, 0.125, 0.5, 0.03125, 0.0625, 1.0, 1.0];
        double expected = magnitudes.Sum(m => Math.Log(m + 1e-12)) / magnitudes.Length;
        Assert.Equal(expected, HandBuiltRow()["dphi_log_mean"], 1e-14);
    }

    [Fact]
    public void ZMeanAbs_PooledOverBothLayers_IsTheMeanMagnitude()
    {
        // |z|: 2 + 0.5 + 0.25 + 0.5 + 3 + 0.125 = 6.375 and 1 + 1 + 0 + 4 = 6.
        Assert.Equal(12.375 / 10, HandBuiltRow()["z_mean_abs"]);
    }

    [Fact]
    public void ZP90Abs_PerLayerAndPooled_FollowNumPysInterpolation()
    {
        var row = HandBuiltRow();
        // Layer 1 |z| sorted: 0.125, 0.25, 0.5, 0.5, 2, 3; index 5·0.9 = 4.5: halfway from 2 to 3.
        Assert.Equal(2.5, row["z_p90_abs_L1"]);
        // Layer 2 |z| sorted: 0, 1, 1, 4; index 3·0.9, between 1 and 4 with t ≥ 0.5.
        double t2 = 3 * (90 / 100.0) - 2;
        Assert.Equal(4.0 - (4.0 - 1.0) * (1 - t2), row["z_p90_abs_L2"]);
        // Pooled sorted: 0, 0.125, 0.25, 0.5, 0.5, 1, 1, 2, 3, 4; index 9·0.9, between 3 and 4, t < 0.5.
        double t = 9 * (90 / 100.0) - 8;
        Assert.Equal(3.0 + (4.0 - 3.0) * t, row["z_p90_abs"]);
    }

    [Fact]
    public void ZNear0Rate_ValueExactlyAtZLinearEps_IsNear()
    {
        // |z| ≤ 0.5: 0.5, 0.25, 0.5, 0.125 in layer 1 (both ±0.5 count), 0 in layer 2: 5 of 10.
        Assert.Equal(0.5, HandBuiltRow()["z_near0_rate"]);
    }

    [Fact]
    public void LimitRate_Relu_CountsNonPositivePreActivations()
    {
        // ReLU's limit is z ≤ 0: −2, −0.5 in layer 1; −1 and 0 in layer 2.
        var row = HandBuiltRow();
        Assert.Equal(2.0 / 6, row["limit_rate_L1"]);
        Assert.Equal(2.0 / 4, row["limit_rate_L2"]);
        Assert.Equal(4.0 / 10, row["limit_rate"]);
    }

    [Fact]
    public void LimitRate_Tanh_UsesTheActivationsOwnPredicate()
    {
        // tanh's limit is |tanh z| > 0.95, i.e. |z| > atanh(0.95) ≈ 1.8318: −2 and 3 in layer 1, 4 in layer 2.
        var row = HandBuiltRow(Activation<Tanh>.Instance);
        Assert.Equal(2.0 / 6, row["limit_rate_L1"]);
        Assert.Equal(1.0 / 4, row["limit_rate_L2"]);
        Assert.Equal(3.0 / 10, row["limit_rate"]);
    }

    [Fact]
    public void LimitRate_TanhJustInsideAndOutsideTheThreshold_CountsOnlyTheSaturatedOnes()
    {
        var arch = new Architecture([1, 4, 1]);
        var metrics = new GradientFlowMetrics(arch, Activation<Tanh>.Instance, 1);
        var row = new double[metrics.Columns.Count];
        // tanh(1.83) ≈ 0.94996 (not saturated), tanh(1.84) ≈ 0.95099 (saturated), either sign.
        metrics.Write([[1.83, 1.84, -1.84, 0.0]], [[0.1, 0.1, 0.1, 1.0]], [[0, 0, 0, 0], [0]], row);
        Assert.Equal(0.5, row[metrics.Columns.ToList().IndexOf("limit_rate_L1")]);
    }

    [Fact]
    public void DeadUnits_UnitSmallOnEveryRow_IsDead()
    {
        // Layer 1: u0 (0 and 0.125) is dead; u1 is alive only through its 0.25 = deriv_eps; u2 is alive.
        Assert.Equal(1.0 / 3, HandBuiltRow()["dead_units_L1"]);
    }

    [Fact]
    public void DeadUnits_AsManySmallValuesAsRowsSpreadOverUnits_NoUnitIsDead()
    {
        Assert.Equal(0.0, HandBuiltRow()["dead_units_L2"]);
    }

    [Fact]
    public void DeadUnits_AsManySmallValuesAsRowsAllInOneUnit_ThatUnitIsDead()
    {
        var arch = new Architecture([1, 2, 1]);
        var metrics = new GradientFlowMetrics(arch, Activation<Relu>.Instance, 2, derivEps: 0.25);
        var row = new double[metrics.Columns.Count];
        // Unit-major: u0 is 0 on both rows, u1 is 1 on both: exactly two small values, both in u0.
        metrics.Write([[-1, -1, 1, 1]], [[0.0, 0.0, 1.0, 1.0]], [[0, 0, 0, 0], [0, 0]], row);
        Assert.Equal(0.5, row[metrics.Columns.ToList().IndexOf("dead_units_L1")]);
    }

    [Fact]
    public void DeadUnits_NaNDerivative_IsNotSmall()
    {
        var arch = new Architecture([1, 2, 1]);
        var metrics = new GradientFlowMetrics(arch, Activation<Relu>.Instance, 2, derivEps: 0.25);
        var row = new double[metrics.Columns.Count];
        // Unit-major: u0 is 0 then NaN (not below eps, so alive); u1 is 0 and 0 (dead).
        metrics.Write([[-1, -1, -1, -1]], [[0.0, double.NaN, 0.0, 0.0]], [[0, 0, 0, 0], [0, 0]], row);
        Assert.Equal(0.5, row[metrics.Columns.ToList().IndexOf("dead_units_L1")]);
    }

    [Fact]
    public void Percentiles_NaNInTheCaches_AreNaNAsNumPys()
    {
        var arch = new Architecture([1, 2, 1]);
        var metrics = new GradientFlowMetrics(arch, Activation<Relu>.Instance, 2);
        var row = new double[metrics.Columns.Count];
        metrics.Write([[1, double.NaN, 2, 3]], [[0.5, double.NaN, 1, 1]], [[0, 0, 0, 0], [0, 0]], row);
        var columns = metrics.Columns.ToList();
        foreach (var name in new[] { "dphi_p10_abs", "dphi_p01_abs", "z_p90_abs", "z_p90_abs_L1" })
            Assert.True(double.IsNaN(row[columns.IndexOf(name)]), name);
    }

    [Fact]
    public void DeltaNorm_EveryLayer_IsTheFrobeniusNormOfTheIncomingSignal()
    {
        var row = HandBuiltRow();
        Assert.Equal(5.0, row["delta_norm_L1"]); // √(3² + 4²)
        Assert.Equal(3.0, row["delta_norm_L2"]); // √(1 + 4 + 4)
        Assert.Equal(2.5, row["delta_norm_L3"]); // √(2.25 + 4)
    }

    // The one pass over a hidden layer runs eight lanes, then four, then a tail (whichever the machine has):
    // for every layer size up to 48 its sums and ‖δ‖ have the bits of the documented order, element i in lane
    // i mod 4, fused squares for ‖δ‖, lanes joined as (l0 + l1) + (l2 + l3), computed here one element at a time.
    [Fact]
    public void SumsAndDeltaNorm_EveryLayerSize_EqualTheFourLaneOrderBitForBit()
    {
        var rng = new System.Random(41);
        for (int rows = 1; rows <= 16; rows++)
        {
            for (int units = 1; units <= 3; units++)
            {
                var arch = new Architecture([2, units, 1]);
                var metrics = new GradientFlowMetrics(arch, Activation<Tanh>.Instance, rows, DerivEps, ZLinearEps);
                int size = units * rows;
                double[] z = Random(size), dphi = Random(size), delta = Random(size);
                var row = new double[metrics.Columns.Count];
                metrics.Write([z], [dphi], [delta, Random(rows)], row);
                var columns = metrics.Columns.ToList();
                string at = $"{units} units × {rows} rows";
                VectorMathTwinBits(LaneSum(z.Select(Math.Abs).ToArray(), (x, s) => s + x) / size, row[columns.IndexOf("z_mean_abs")], "z_mean_abs, " + at);
                VectorMathTwinBits(LaneSum(dphi.Select(Math.Abs).ToArray(), (x, s) => s + x) / size, row[columns.IndexOf("dphi_mean_abs_L1")], "dphi_mean_abs_L1, " + at);
                VectorMathTwinBits(Math.Sqrt(LaneSum(delta, (x, s) => Math.FusedMultiplyAdd(x, x, s))), row[columns.IndexOf("delta_norm_L1")], "delta_norm_L1, " + at);
            }
        }

        double[] Random(int n) => Enumerable.Range(0, n).Select(_ => (rng.NextDouble() - 0.5) * Math.ScaleB(1.0, rng.Next(-8, 8))).ToArray();
    }

    private static double LaneSum(double[] x, Func<double, double, double> add)
    {
        var lane = new double[4];
        for (int i = 0; i < x.Length; i++) lane[i % 4] = add(x[i], lane[i % 4]);
        return (lane[0] + lane[1]) + (lane[2] + lane[3]);
    }

    private static void VectorMathTwinBits(double expected, double actual, string what) =>
        GradFlow.Tests.Unit.Numerics.VectorMathTwinTests.AssertBits(expected, actual, what);

    [Fact]
    public void Write_SameCachesTwice_WritesTheSameRow()
    {
        // The scratch buffers are reordered by the in-place percentiles; a second epoch must not care.
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, 2, DerivEps, ZLinearEps);
        var first = new double[metrics.Columns.Count];
        var second = new double[metrics.Columns.Count];
        metrics.Write([Z1, Z2], [Dphi1, Dphi2], [Delta1, Delta2, Delta3], first);
        metrics.Write([Z1, Z2], [Dphi1, Dphi2], [Delta1, Delta2, Delta3], second);
        Assert.Equal(first.Select(BitConverter.DoubleToInt64Bits), second.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData(0.0, 0.1)]
    [InlineData(double.NaN, 0.1)]
    [InlineData(1e-3, -0.1)]
    [InlineData(1e-3, double.PositiveInfinity)]
    public void Constructor_InvalidThreshold_Throws(double derivEps, double zLinearEps)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GradientFlowMetrics(Arch, Activation<Relu>.Instance, 2, derivEps, zLinearEps));
    }
}
