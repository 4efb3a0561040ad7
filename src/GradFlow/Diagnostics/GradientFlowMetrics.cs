using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GradFlow.Activations;
using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Numerics;
using GradFlow.Training;
using Architecture = GradFlow.Model.Architecture; // not System.Runtime.InteropServices.Architecture

namespace GradFlow.Diagnostics;

/// <summary>
/// The study's gradient-flow metrics of one epoch, from the training pass's caches (z, φ′, δ): no
/// second forward pass, and nothing allocated per epoch (every buffer is sized in the constructor).
/// <para>
/// Pooled over every hidden pre-activation z (all hidden layers, all training rows):
/// <c>dphi_small_rate</c> = P(|φ′(z)| &lt; deriv_eps), <c>dphi_mean_abs</c>, <c>dphi_p10_abs</c>,
/// <c>dphi_p01_abs</c> (NumPy's percentiles of |φ′|), <c>dphi_log_mean</c> = mean of log(|φ′| + 1e-12)
/// (the sum is <see cref="VectorMath.SumOfLogs(ReadOnlySpan{double}, double)"/>: exponents summed exactly,
/// mantissas multiplied, one <see cref="VectorMath.Log(double)"/> per lane; it differs from a sum of
/// Math.Log in the last bits only, and never with the SIMD width),
/// <c>z_mean_abs</c>, <c>z_p90_abs</c>, <c>z_near0_rate</c> = P(|z| ≤ z_linear_eps), <c>limit_rate</c>
/// (the activation's own limit predicate). Per hidden layer ℓ (1-based): <c>limit_rate_Lℓ</c>,
/// <c>dphi_mean_abs_Lℓ</c>, <c>z_p90_abs_Lℓ</c>, <c>dead_units_Lℓ</c> (the fraction of the layer's units
/// whose |φ′| &lt; deriv_eps on every training row: a dead ReLU unit). Per layer i, the output included:
/// <c>delta_norm_Li</c> = ‖∂L/∂z‖_F entering layer i, the backpropagated signal itself.
/// </para>
/// <para>
/// Summation order (fixed, so results are bit-reproducible whatever the SIMD width): within a layer,
/// four interleaved lanes (lane = index mod 4 in the pass's unit-major cache) combined as (l0 + l1) + (l2 + l3);
/// pooled sums add the layers' sums in layer order. A rate or mean divides by the element count.
/// Percentiles are NumPy's exactly, each found by a <see cref="PercentileTracker"/>: it starts from the
/// previous epoch's neighbourhood of the ranks, so an epoch costs a counting pass, not a selection (two
/// trackers share each pass: a layer's z_p90 and the pooled one, and the two percentiles of |φ′|).
/// Without a hidden layer (an architecture [2, 1]) the nine pooled columns are present and NaN, so
/// every run of a sweep shares them, and the per-hidden-layer columns are absent.
/// </para>
/// </summary>
public sealed class GradientFlowMetrics : IMetricGroup
{
    /// <summary>The study's floor inside log(|φ′| + 1e-12).</summary>
    public const double LogFloor = 1e-12;

    // The pooled metrics in the order Pooled(row) fills them, and where each sits in the row.
    private static readonly Metric[] PooledMetrics =
    [
        MetricCatalog.DphiSmallRate, MetricCatalog.DphiMeanAbs, MetricCatalog.DphiP10Abs, MetricCatalog.DphiP01Abs, MetricCatalog.DphiLogMean,
        MetricCatalog.ZMeanAbs, MetricCatalog.ZP90Abs, MetricCatalog.ZNear0Rate, MetricCatalog.LimitRate,
    ];

    private readonly int[] _pooled;
    private readonly int _limitColumn, _dphiMeanColumn, _zP90Column, _deadColumn, _deltaColumn;

    private readonly Architecture _arch;
    private readonly Activation _activation;
    private readonly int _trainCount, _hidden, _layers;
    private readonly double _derivEps, _zLinearEps;
    private readonly int[] _offset, _size;
    private readonly double[] _absZ, _absDphi, _scratch;
    // False only in tests: the scalar twins of the vector loops, which give the same bits (tests/Unit/Diagnostics/GradientFlowMetricsScalarTwinTests).
    private readonly bool _vectorize;

    // The percentiles, each tracked from epoch to epoch (exact every time; cheap while they drift slowly).
    private readonly PercentileTracker[] _zP90Layer;
    private readonly PercentileTracker? _zP90, _dphiP10, _dphiP01;

    // Pooled partial results of the epoch being written, layer by layer.
    private double _sumDphi, _sumZ, _sumLog;
    private long _small, _near0, _inLimit;

    public GradientFlowMetrics(Architecture arch, Activation activation, int trainCount, double derivEps = 1e-3, double zLinearEps = 0.1)
        // Stryker disable once Boolean : scalar twin: the scalar loops and trackers write the same bits, only slower (GradientFlowMetricsScalarTwinTests) (docs/mutation-survivors.md)
        : this(arch, activation, trainCount, derivEps, zLinearEps, vectorize: true)
    {
    }

    /// <param name="vectorize">False to take the scalar loops (and scalar percentile trackers) where the vector ones would run: for tests of the scalar twins.</param>
    internal GradientFlowMetrics(Architecture arch, Activation activation, int trainCount, double derivEps, double zLinearEps, bool vectorize)
    {
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(activation);
        if (trainCount <= 0) throw new ArgumentOutOfRangeException(nameof(trainCount), trainCount, "the training set needs at least one row");
        if (!(derivEps > 0) || double.IsInfinity(derivEps))
            throw new ArgumentOutOfRangeException(nameof(derivEps), derivEps, "deriv-eps must be a finite number > 0");
        if (!(zLinearEps >= 0) || double.IsInfinity(zLinearEps))
            throw new ArgumentOutOfRangeException(nameof(zLinearEps), zLinearEps, "z-linear-eps must be a finite number >= 0");
        _arch = arch;
        _activation = activation;
        _trainCount = trainCount;
        _derivEps = derivEps;
        _zLinearEps = zLinearEps;
        _vectorize = vectorize;
        _hidden = arch.HiddenLayerCount;
        _layers = arch.LayerCount;

        _offset = new int[_hidden];
        _size = new int[_hidden];
        int total = 0;
        for (int l = 0; l < _hidden; l++)
        {
            _offset[l] = total;
            _size[l] = checked(trainCount * arch.Widths[l + 1]);
            total = checked(total + _size[l]);
        }
        _absZ = new double[total];
        _absDphi = new double[total];
        _scratch = new double[total];
        _zP90Layer = new PercentileTracker[_hidden];
        for (int l = 0; l < _hidden; l++) _zP90Layer[l] = new PercentileTracker(_size[l], 90.0, vectorize);
        if (_hidden > 0)
        {
            _zP90 = new PercentileTracker(total, 90.0, vectorize);
            _dphiP10 = new PercentileTracker(total, 10.0, vectorize);
            _dphiP01 = new PercentileTracker(total, 1.0, vectorize);
        }

        var layout = new MetricLayout(MetricCatalog.GradientFlow, _layers);
        Columns = layout.Columns;
        _pooled = PooledMetrics.Select(m => layout.IndexOf(m)).ToArray();
        _limitColumn = layout.IndexOf(MetricCatalog.LimitRateLayer);
        _dphiMeanColumn = layout.IndexOf(MetricCatalog.DphiMeanAbsLayer);
        _zP90Column = layout.IndexOf(MetricCatalog.ZP90AbsLayer);
        _deadColumn = layout.IndexOf(MetricCatalog.DeadUnits);
        _deltaColumn = layout.IndexOf(MetricCatalog.DeltaNorm);
    }

    public IReadOnlyList<string> Columns { get; }

    public double DerivEps => _derivEps;
    public double ZLinearEps => _zLinearEps;

    public void Write(EpochState state, Span<double> row)
    {
        var pass = state.Train;
        if (!ReferenceEquals(state.Model.Activation, _activation))
            throw new ArgumentException($"the metrics were built for {_activation.Name} but the model uses {state.Model.Activation.Name}", nameof(state));
        if (pass.BatchSize != _trainCount || !pass.Architecture.Equals(_arch))
            throw new ArgumentException($"the metrics were built for [{_arch}] on {_trainCount} rows, the pass is [{pass.Architecture}] on {pass.BatchSize}", nameof(state));
        CheckRow(row);
        BeginEpoch();
        for (int l = 0; l < _hidden; l++) row[DeltaColumn(l)] = HiddenLayer(l, pass.PreActivation(l), pass.Output(l), pass.PhiPrime(l), pass.Delta(l), row);
        Pooled(row);
        row[DeltaColumn(_hidden)] = Norm(pass.Delta(_hidden), _vectorize);
    }

    /// <summary>
    /// The same metrics from given caches: z and φ′ of each hidden layer and δ of every layer, each
    /// in <see cref="BatchPass"/>'s layout, unit-major (width × trainCount). For tests on hand-built values.
    /// </summary>
    internal void Write(IReadOnlyList<double[]> z, IReadOnlyList<double[]> dphi, IReadOnlyList<double[]> delta, Span<double> row)
    {
        if (z.Count != _hidden || dphi.Count != _hidden || delta.Count != _layers)
            throw new ArgumentException($"expected {_hidden} hidden z and φ′ arrays and {_layers} δ arrays");
        for (int l = 0; l < _layers; l++)
        {
            int size = _trainCount * _arch.Widths[l + 1];
            if (delta[l].Length != size || (l < _hidden && (z[l].Length != size || dphi[l].Length != size)))
                throw new ArgumentException($"layer {l + 1} arrays must hold {_arch.Widths[l + 1]} units × {_trainCount} rows");
        }
        CheckRow(row);
        BeginEpoch();
        for (int l = 0; l < _hidden; l++) row[DeltaColumn(l)] = HiddenLayer(l, z[l], ReadOnlySpan<double>.Empty, dphi[l], delta[l], row);
        Pooled(row);
        row[DeltaColumn(_hidden)] = Norm(delta[_hidden], _vectorize);
    }

    private void CheckRow(Span<double> row)
    {
        if (row.Length != Columns.Count) throw new ArgumentException($"the row holds {row.Length} values, this group writes {Columns.Count}", nameof(row));
    }

    private int LimitColumn(int l) => _limitColumn + l;
    private int DphiMeanColumn(int l) => _dphiMeanColumn + l;
    private int ZP90Column(int l) => _zP90Column + l;
    private int DeadColumn(int l) => _deadColumn + l;
    private int DeltaColumn(int l) => _deltaColumn + l;

    private void BeginEpoch()
    {
        _sumDphi = _sumZ = _sumLog = 0;
        _small = _near0 = _inLimit = 0;
        _zP90?.Begin();
    }

    /// <summary>
    /// One pass over a hidden layer's z, φ′ and δ: |z| and |φ′| into the scratch buffers, their sums and
    /// counts, and ‖δ‖ (returned: the squares in the lanes of <see cref="Norm(ReadOnlySpan{double})"/>, so its bits).
    /// </summary>
    /// <param name="phi">φ(z) from the forward pass, or empty to have the limit predicate evaluate φ itself.</param>
    private double HiddenLayer(int l, ReadOnlySpan<double> z, ReadOnlySpan<double> phi, ReadOnlySpan<double> dphi, ReadOnlySpan<double> delta, Span<double> row)
    {
        int size = _size[l], width = _arch.Widths[l + 1];
        Span<double> absZ = _absZ.AsSpan(_offset[l], size);
        Span<double> absD = _absDphi.AsSpan(_offset[l], size);
        z = z[..size];
        dphi = dphi[..size];
        delta = delta[..size];
        double eps = _derivEps, zEps = _zLinearEps;

        double d0 = 0, d1 = 0, d2 = 0, d3 = 0, z0 = 0, z1 = 0, z2 = 0, z3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        long small = 0, near0 = 0;
        int i = 0;
        // Stryker disable once Boolean,Logical : scalar twin: the scalar loops add the same magnitudes and fuse the same squares into the same four lanes in index order, and count the same (GradientFlowMetricsTests, every layer size; GradientFlowMetricsScalarTwinTests) (docs/mutation-survivors.md)
        if (_vectorize && Vector256.IsHardwareAccelerated)
        {
            // Lane l of each accumulator sums the elements i ≡ l (mod 4): the scalar loop's order.
            ref double zr = ref MemoryMarshal.GetReference(z), dr = ref MemoryMarshal.GetReference(dphi), er = ref MemoryMarshal.GetReference(delta);
            ref double azr = ref MemoryMarshal.GetReference(absZ), adr = ref MemoryMarshal.GetReference(absD);
            Vector256<double> sumD4 = Vector256<double>.Zero, sumZ4 = Vector256<double>.Zero, squares4 = Vector256<double>.Zero;
            // Stryker disable once Boolean : an eight-lane step adds its lower half, then its upper, into the four lanes: what two four-lane steps do (the same bits and counts) (docs/mutation-survivors.md)
            if (Vector512.IsHardwareAccelerated)
            {
                // Eight elements a step: the lower half, then the upper, added into the four lanes (the same order).
                var vEps8 = Vector512.Create(eps);
                var vZEps8 = Vector512.Create(zEps);
                Vector512<long> small8 = Vector512<long>.Zero, near8 = Vector512<long>.Zero;
                // Stryker disable once Equality : a block of eight left over goes to the four-lane loop, which adds its halves into the same lanes in the same order (docs/mutation-survivors.md)
                for (; i <= size - 8; i += 8)
                {
                    var a = Vector512.Abs(Vector512.LoadUnsafe(ref dr, (nuint)i));
                    var b = Vector512.Abs(Vector512.LoadUnsafe(ref zr, (nuint)i));
                    var e = Vector512.LoadUnsafe(ref er, (nuint)i);
                    a.StoreUnsafe(ref adr, (nuint)i);
                    b.StoreUnsafe(ref azr, (nuint)i);
                    sumD4 = (sumD4 + a.GetLower()) + a.GetUpper();
                    sumZ4 = (sumZ4 + b.GetLower()) + b.GetUpper();
                    squares4 = Vector256.FusedMultiplyAdd(e.GetUpper(), e.GetUpper(), Vector256.FusedMultiplyAdd(e.GetLower(), e.GetLower(), squares4));
                    small8 -= Vector512.LessThan(a, vEps8).AsInt64();
                    near8 -= Vector512.LessThanOrEqual(b, vZEps8).AsInt64();
                }
                small = Vector512.Sum(small8);
                near0 = Vector512.Sum(near8);
            }
            var vEps = Vector256.Create(eps);
            var vZEps = Vector256.Create(zEps);
            Vector256<long> small4 = Vector256<long>.Zero, near4 = Vector256<long>.Zero;
            // Stryker disable once Equality : a block of four left over goes to the scalar four-lane loop: the same lanes, the same order, the same counts (docs/mutation-survivors.md)
            for (; i <= size - 4; i += 4)
            {
                var a = Vector256.Abs(Vector256.LoadUnsafe(ref dr, (nuint)i));
                var b = Vector256.Abs(Vector256.LoadUnsafe(ref zr, (nuint)i));
                var e = Vector256.LoadUnsafe(ref er, (nuint)i);
                a.StoreUnsafe(ref adr, (nuint)i);
                b.StoreUnsafe(ref azr, (nuint)i);
                sumD4 += a;
                sumZ4 += b;
                squares4 = Vector256.FusedMultiplyAdd(e, e, squares4);
                small4 -= Vector256.LessThan(a, vEps).AsInt64();
                near4 -= Vector256.LessThanOrEqual(b, vZEps).AsInt64();
            }
            (d0, d1, d2, d3) = (sumD4[0], sumD4[1], sumD4[2], sumD4[3]);
            (z0, z1, z2, z3) = (sumZ4[0], sumZ4[1], sumZ4[2], sumZ4[3]);
            (q0, q1, q2, q3) = (squares4[0], squares4[1], squares4[2], squares4[3]);
            small += Vector256.Sum(small4);
            near0 += Vector256.Sum(near4);
        }
        for (; i + 4 <= size; i += 4)
        {
            double a0 = Math.Abs(dphi[i]), a1 = Math.Abs(dphi[i + 1]), a2 = Math.Abs(dphi[i + 2]), a3 = Math.Abs(dphi[i + 3]);
            double b0 = Math.Abs(z[i]), b1 = Math.Abs(z[i + 1]), b2 = Math.Abs(z[i + 2]), b3 = Math.Abs(z[i + 3]);
            absD[i] = a0; absD[i + 1] = a1; absD[i + 2] = a2; absD[i + 3] = a3;
            absZ[i] = b0; absZ[i + 1] = b1; absZ[i + 2] = b2; absZ[i + 3] = b3;
            d0 += a0; d1 += a1; d2 += a2; d3 += a3;
            z0 += b0; z1 += b1; z2 += b2; z3 += b3;
            q0 = Math.FusedMultiplyAdd(delta[i], delta[i], q0);
            q1 = Math.FusedMultiplyAdd(delta[i + 1], delta[i + 1], q1);
            q2 = Math.FusedMultiplyAdd(delta[i + 2], delta[i + 2], q2);
            q3 = Math.FusedMultiplyAdd(delta[i + 3], delta[i + 3], q3);
            small += (a0 < eps ? 1 : 0) + (a1 < eps ? 1 : 0) + (a2 < eps ? 1 : 0) + (a3 < eps ? 1 : 0);
            near0 += (b0 <= zEps ? 1 : 0) + (b1 <= zEps ? 1 : 0) + (b2 <= zEps ? 1 : 0) + (b3 <= zEps ? 1 : 0);
        }
        // The tail continues the lanes: element i goes to lane i mod 4.
        for (int lane = 0; i < size; i++, lane++)
        {
            double a = Math.Abs(dphi[i]), b = Math.Abs(z[i]), e = delta[i];
            absD[i] = a;
            absZ[i] = b;
            switch (lane)
            {
                case 0: d0 += a; z0 += b; q0 = Math.FusedMultiplyAdd(e, e, q0); break;
                case 1: d1 += a; z1 += b; q1 = Math.FusedMultiplyAdd(e, e, q1); break;
                default: d2 += a; z2 += b; q2 = Math.FusedMultiplyAdd(e, e, q2); break;
            }
            small += a < eps ? 1 : 0;
            near0 += b <= zEps ? 1 : 0;
        }
        double sumD = (d0 + d1) + (d2 + d3), sumZ = (z0 + z1) + (z2 + z3);
        double sumLog = VectorMath.SumOfLogs(absD, LogFloor);
        // Stryker disable once Conditional : φ is the forward cache of the same z, and IsInLimitAt(z, φ(z)) is IsInLimit(z) by contract (activation tests): the same count (docs/mutation-survivors.md)
        int inLimit = phi.IsEmpty ? _activation.CountInLimit(z) : _activation.CountInLimit(z, phi[..size]);

        _sumDphi += sumD;
        _sumZ += sumZ;
        _sumLog += sumLog;
        _small += small;
        _near0 += near0;
        _inLimit += inLimit;

        row[LimitColumn(l)] = (double)inLimit / size;
        row[DphiMeanColumn(l)] = sumD / size;
        row[DeadColumn(l)] = (double)DeadUnits(absD, width, (int)small) / width;
        // A sum of magnitudes is NaN exactly when a value is, and a percentile of NaN is NaN.
        // The layer's tracker and the pooled one scan the layer's |z| in one pass; the pooled one finishes in Pooled.
        _zP90Layer[l].Begin();
        // Stryker disable once Statement : with nothing scanned every Finish finds no counts and selects among all values; order statistics are unique, so the same value (only slower) (docs/mutation-survivors.md)
        PercentileTracker.Scan(_zP90Layer[l], _zP90!, absZ);
        row[ZP90Column(l)] = double.IsNaN(sumZ) ? double.NaN : _zP90Layer[l].Finish(absZ, _scratch);
        return Math.Sqrt((q0 + q1) + (q2 + q3));
    }

    /// <summary>
    /// Units whose |φ′| &lt; deriv_eps on every row. The cache is unit-major, so a unit is one contiguous
    /// run of trainCount values; it stops being a candidate at its first value not below eps (NaN
    /// included), so live units cost a few values. With fewer small values than rows no unit can be dead.
    /// </summary>
    private int DeadUnits(ReadOnlySpan<double> absD, int width, int small)
    {
        if (small < _trainCount) return 0;
        double eps = _derivEps;
        int dead = 0;
        for (int j = 0; j < width; j++)
        {
            bool isDead = true;
            foreach (double d in absD.Slice(j * _trainCount, _trainCount))
            {
                if (!(d < eps))
                {
                    isDead = false;
                    break;
                }
            }
            dead += isDead ? 1 : 0;
        }
        return dead;
    }

    private void Pooled(Span<double> row)
    {
        var at = _pooled;
        if (_hidden == 0)
        {
            foreach (int c in at) row[c] = double.NaN;
            return;
        }
        double n = _absZ.Length;
        row[at[0]] = _small / n;
        row[at[1]] = _sumDphi / n;
        if (double.IsNaN(_sumDphi)) row[at[2]] = row[at[3]] = double.NaN;
        else
        {
            // Both percentiles of |φ′| from one pass over the values.
            _dphiP10!.Begin();
            _dphiP01!.Begin();
            PercentileTracker.Scan(_dphiP10, _dphiP01, _absDphi);
            row[at[2]] = _dphiP10.Finish(_absDphi, _scratch);
            row[at[3]] = _dphiP01.Finish(_absDphi, _scratch);
        }
        row[at[4]] = _sumLog / n;
        row[at[5]] = _sumZ / n;
        row[at[6]] = double.IsNaN(_sumZ) ? double.NaN : _zP90!.Finish(_absZ, _scratch);
        row[at[7]] = _near0 / n;
        row[at[8]] = _inLimit / n;
    }

    /// <summary>‖x‖_F = √Σx², the squares fused-accumulated in the four lanes.</summary>
    // Stryker disable once Boolean : scalar twin: the scalar loop gives the same bits, only slower (GradientFlowMetricsScalarTwinTests) (docs/mutation-survivors.md)
    internal static double Norm(ReadOnlySpan<double> x) => NormFrom(x, Vector256<double>.Zero, 0, vectorize: true);

    /// <summary><see cref="Norm(ReadOnlySpan{double})"/>, by the scalar loop where the vector one would run unless <paramref name="vectorize"/>.</summary>
    internal static double Norm(ReadOnlySpan<double> x, bool vectorize) => NormFrom(x, Vector256<double>.Zero, 0, vectorize);

    /// <summary><see cref="Norm(ReadOnlySpan{double})"/> from element i on, the four lanes' sums so far in <paramref name="sum"/>.</summary>
    private static double NormFrom(ReadOnlySpan<double> x, Vector256<double> sum, int i, bool vectorize)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        // Stryker disable once Boolean,Logical : scalar twin: the scalar loop fuses the same squares into the same four lanes in index order (GradientFlowMetricsScalarTwinTests) (docs/mutation-survivors.md)
        if (vectorize && Vector256.IsHardwareAccelerated)
        {
            // Lane l fuses the squares of the elements i ≡ l (mod 4), as the scalar loop: the same bits.
            ref double r = ref MemoryMarshal.GetReference(x);
            // Stryker disable once Equality : a block of four left over goes to the scalar loop: the same lanes, the same order (docs/mutation-survivors.md)
            for (; i <= x.Length - 4; i += 4)
            {
                var v = Vector256.LoadUnsafe(ref r, (nuint)i);
                sum = Vector256.FusedMultiplyAdd(v, v, sum);
            }
            (s0, s1, s2, s3) = (sum[0], sum[1], sum[2], sum[3]);
        }
        for (; i + 4 <= x.Length; i += 4)
        {
            s0 = Math.FusedMultiplyAdd(x[i], x[i], s0);
            s1 = Math.FusedMultiplyAdd(x[i + 1], x[i + 1], s1);
            s2 = Math.FusedMultiplyAdd(x[i + 2], x[i + 2], s2);
            s3 = Math.FusedMultiplyAdd(x[i + 3], x[i + 3], s3);
        }
        if (i < x.Length) s0 = Math.FusedMultiplyAdd(x[i], x[i], s0);
        if (i + 1 < x.Length) s1 = Math.FusedMultiplyAdd(x[i + 1], x[i + 1], s1);
        if (i + 2 < x.Length) s2 = Math.FusedMultiplyAdd(x[i + 2], x[i + 2], s2);
        return Math.Sqrt((s0 + s1) + (s2 + s3));
    }
}
