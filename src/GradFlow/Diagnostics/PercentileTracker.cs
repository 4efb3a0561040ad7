using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Diagnostics;

/// <summary>
/// One percentile, NumPy's to the bit (<see cref="Percentile"/>), of n values that change little from one
/// call to the next: a layer's |z| or |φ′| from one epoch to the next. It keeps two pivots, the values a
/// margin of ranks either side of the last call's neighbours; a call then costs one counting pass
/// (<see cref="Scan"/>: the values below the low pivot, and the few between the pivots gathered) and a
/// sort of those few. When the ranks have moved out of that band, or more values fall in it than it
/// holds, the call falls back to selection on a copy of all the values and sets the pivots afresh,
/// with a wider margin. Order statistics are unique, so the value never depends on the path taken;
/// the path depends only on the values, so a run's pivots are the same whatever the SIMD width.
/// The values must hold no NaN (callers know from a sum that is not NaN); allocation-free per call.
/// </summary>
internal sealed class PercentileTracker
{
    private readonly int _n;
    private readonly double _q;
    private readonly Percentile.Position _at;
    private readonly int _initialMargin, _maxMargin;
    private readonly double[] _band, _sorted;
    private int _margin;
    private bool _hasPivots;
    private double _low, _high;
    private long _less;
    private int _inBand;
    // False only in tests: the scalar twins of the vector loops, which count and sort the same (tests/Unit/Diagnostics/PercentileTrackerScalarTwinTests).
    private readonly bool _vectorize;

    /// <param name="n">How many values each call sees.</param>
    /// <param name="q">The percentile, 0 ≤ q ≤ 100.</param>
    /// <param name="vectorize">False to take the scalar loops where the vector ones would run: for tests of the scalar twins.</param>
    public PercentileTracker(int n, double q, bool vectorize = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        _n = n;
        _q = q;
        _vectorize = vectorize;
        _at = Percentile.Position.Of(n, q, nameof(q));
        // A trained layer's ranks drift by a few per epoch; a fallback doubles the margin, and calls that
        // find their ranks in the band let it shrink back, so a burst of drift (early training) costs no
        // wide band for the rest of the run.
        _initialMargin = _margin = Math.Max(8, n / 2048);
        // Stryker disable once Linq : the largest margin only how often a call falls back to a full selection: every call checks its ranks against the band's counts before it reads the band, so any pivot or margin gives the same percentile (docs/mutation-survivors.md)
        _maxMargin = Math.Max(_margin, n / 32);
        // Stryker disable once Arithmetic : the band's room; a band that overflows it falls back: only how often a call falls back to a full selection: every call checks its ranks against the band's counts before it reads the band, so any pivot or margin gives the same percentile (docs/mutation-survivors.md)
        _band = new double[Math.Min(n, 8 * _maxMargin + 64) + 3]; // + 3: room to pad a short band to whole vectors
        _sorted = new double[SmallBand];
    }

    /// <summary>Calls that had to select among all values (the first call always does).</summary>
    public int Fallbacks { get; private set; }

    /// <summary>Starts a call: the values come through one or more <see cref="Scan"/>s, then <see cref="Finish"/>.</summary>
    public void Begin()
    {
        _less = 0;
        _inBand = 0;
    }

    /// <summary>Counts the values below the low pivot and gathers those between the pivots (both included).</summary>
    public void Scan(ReadOnlySpan<double> values)
    {
        // Stryker disable once Statement : a tracker that does not count is never read from its counts: without pivots Finish selects, at the maximum it always selects (docs/mutation-survivors.md)
        if (!Counts) return;
        var pass = Open();
        ScanCore(values, ref pass, ref pass, pair: false, _vectorize);
        Close(pass);
    }

    /// <summary>
    /// <see cref="Scan(ReadOnlySpan{double})"/> of the same values by two trackers in one pass over them: each
    /// counts and gathers exactly what its own Scan would (the same values, in the same index order).
    /// </summary>
    public static void Scan(PercentileTracker first, PercentileTracker second, ReadOnlySpan<double> values)
    {
        // Stryker disable once Logical,Boolean,Unary : a tracker that does not count is never read from its counts (Finish selects), and the pair pass counts for each exactly what its own Scan does: the same values and fallbacks on either path (docs/mutation-survivors.md)
        if (!first.Counts || !second.Counts)
        {
            first.Scan(values);
            second.Scan(values);
            return;
        }
        var a = first.Open();
        var b = second.Open();
        // The pair scans by the first tracker's loops (GradientFlowMetrics builds all its trackers alike).
        ScanCore(values, ref a, ref b, pair: true, first._vectorize);
        first.Close(a);
        second.Close(b);
    }

    // Whether a scan counts anything: not before the first selection, nor for the maximum (always selected).
    // Stryker disable once Logical : before the first selection Finish selects whatever was counted; at the maximum there are never pivots, so the same false (docs/mutation-survivors.md)
    private bool Counts => _hasPivots && !_at.AtMaximum;

    /// <summary>One tracker's side of a scan: its pivots, its band and what the scan has found so far.</summary>
    private struct Pass
    {
        public double Low, High;
        public bool Gather;
        public double[] Band;
        public int InBand;
        public long Less;
    }

    // With equal pivots the band is one value repeated (a tie, as a ReLU's φ′): counting it is enough.
    // Stryker disable once Equality : a band of equal pivots is never read: Finish returns the tie before FromBand (docs/mutation-survivors.md)
    private Pass Open() => new() { Low = _low, High = _high, Gather = _low < _high, Band = _band, InBand = _inBand };

    private void Close(Pass pass)
    {
        _less += pass.Less;
        _inBand = pass.InBand;
    }

    /// <summary>The scan of <paramref name="a"/>, and of <paramref name="b"/> beside it when <paramref name="pair"/> (else b is not touched).</summary>
    private static void ScanCore(ReadOnlySpan<double> values, ref Pass a, ref Pass b, bool pair, bool vectorize)
    {
        int n = values.Length, i = 0;
        ref double r = ref MemoryMarshal.GetReference(values);
        if (
            // Stryker disable once Boolean,Logical : scalar twin: without the eight-lane loop the four-lane loop counts and gathers the same values in index order (docs/mutation-survivors.md)
            vectorize && Vector512.IsHardwareAccelerated)
        {
            // The same counts and the same gathering, in index order, eight lanes a step.
            Vector512<double> lowA = Vector512.Create(a.Low), highA = Vector512.Create(a.High);
            Vector512<double> lowB = Vector512.Create(b.Low), highB = Vector512.Create(b.High);
            Vector512<long> countA = Vector512<long>.Zero, countB = Vector512<long>.Zero;
            // Stryker disable once Equality : a block of eight left over goes to the four-lane loop: the same counts, gathered in the same index order (docs/mutation-survivors.md)
            for (; i <= n - 8; i += 8)
            {
                var v = Vector512.LoadUnsafe(ref r, (nuint)i);
                countA = Step(ref a, v, lowA, highA, countA, values, i);
                if (pair) countB = Step(ref b, v, lowB, highB, countB, values, i);
            }
            a.Less += Vector512.Sum(countA);
            if (pair) b.Less += Vector512.Sum(countB);
        }
        if (
            // Stryker disable once Boolean,Logical : scalar twin: the scalar Step counts and gathers the same values in index order (PercentileTrackerScalarTwinTests) (docs/mutation-survivors.md)
            vectorize && Vector256.IsHardwareAccelerated)
        {
            Vector256<double> lowA = Vector256.Create(a.Low), highA = Vector256.Create(a.High);
            Vector256<double> lowB = Vector256.Create(b.Low), highB = Vector256.Create(b.High);
            Vector256<long> countA = Vector256<long>.Zero, countB = Vector256<long>.Zero;
            // Stryker disable once Equality : a block of four left over goes to the scalar loop: the same counts, gathered in the same index order (docs/mutation-survivors.md)
            for (; i <= n - 4; i += 4)
            {
                var v = Vector256.LoadUnsafe(ref r, (nuint)i);
                countA = Step(ref a, v, lowA, highA, countA, values, i);
                if (pair) countB = Step(ref b, v, lowB, highB, countB, values, i);
            }
            a.Less += Vector256.Sum(countA);
            if (pair) b.Less += Vector256.Sum(countB);
        }
        for (; i < n; i++)
        {
            double v = values[i];
            Step(ref a, v);
            if (pair) Step(ref b, v);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> Step(ref Pass pass, Vector512<double> v, Vector512<double> low, Vector512<double> high, Vector512<long> count, ReadOnlySpan<double> values, int i)
    {
        var isLess = Vector512.LessThan(v, low);
        ulong mask = Vector512.AndNot(Vector512.LessThanOrEqual(v, high), isLess).ExtractMostSignificantBits();
        if (mask != 0) pass.InBand = Gather(mask, values, i, pass.Gather, pass.Band, pass.InBand);
        return count - isLess.AsInt64();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> Step(ref Pass pass, Vector256<double> v, Vector256<double> low, Vector256<double> high, Vector256<long> count, ReadOnlySpan<double> values, int i)
    {
        var isLess = Vector256.LessThan(v, low);
        uint mask = Vector256.AndNot(Vector256.LessThanOrEqual(v, high), isLess).ExtractMostSignificantBits();
        if (mask != 0) pass.InBand = Gather(mask, values, i, pass.Gather, pass.Band, pass.InBand);
        return count - isLess.AsInt64();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref Pass pass, double v)
    {
        if (v < pass.Low) pass.Less++;
        else if (v <= pass.High)
        {
            // Stryker disable once Equality : <= also writes the first padding slot, which is only read after RankSort pads it or when the band is overfull (never read) (docs/mutation-survivors.md)
            if (pass.Gather && pass.InBand < pass.Band.Length - 3) pass.Band[pass.InBand] = v;
            pass.InBand++;
        }
    }

    /// <summary>
    /// The band's lanes of one vector step (bit b of <paramref name="mask"/>: element i + b) gathered in index
    /// order, as the scalar loop; past the band's capacity, or with equal pivots, only counted. Returns the new count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Gather(ulong mask, ReadOnlySpan<double> values, int i, bool gather, double[] band, int inBand)
    {
        if (!gather) return inBand + BitOperations.PopCount(mask);
        for (; mask != 0; mask &= mask - 1, inBand++)
            // Stryker disable once Equality : <= also writes the first padding slot, which is only read after RankSort pads it or when the band is overfull (never read) (docs/mutation-survivors.md)
            if (inBand < band.Length - 3) band[inBand] = values[i + BitOperations.TrailingZeroCount(mask)];
        return inBand;
    }

    /// <summary>
    /// The percentile of the values scanned since <see cref="Begin"/>; <paramref name="all"/> holds the
    /// same values (in any order) for the fallback, which selects on <paramref name="scratch"/> (≥ n long).
    /// </summary>
    public double Finish(ReadOnlySpan<double> all, Span<double> scratch)
    {
        if (all.Length != _n) throw new ArgumentException($"the tracker was built for {_n} values, not {all.Length}", nameof(all));
        if (_at.AtMaximum)
        {
            all.CopyTo(scratch);
            return Percentile.OfInPlaceWithoutNaN(scratch[.._n], _q);
        }
        int k = _at.Lo;
        if (_hasPivots && _less <= k && k + 1 < _less + _inBand)
        {
            if (_low == _high) return Percentile.Lerp(_low, _low, _at.T);
            if (_inBand <= _band.Length - 3) return FromBand(k - (int)_less);
        }
        return Fallback(all, scratch);
    }

    private double FromBand(int rank)
    {
        Span<double> band;
        // Stryker disable once Equality : a band of exactly SmallBand values sorted by Sort instead of RankSort: the same sorted magnitudes (callers pass |·|, no −0, no NaN) (docs/mutation-survivors.md)
        if (_inBand <= SmallBand)
        {
            band = _sorted.AsSpan(0, _inBand);
            RankSort(_band, _inBand, band, _vectorize);
        }
        else
        {
            band = _band.AsSpan(0, _inBand);
            band.Sort();
        }
        double a = band[rank], b = band[rank + 1];
        // Re-centre the pivots a margin of ranks either side, where the band reaches that far; else
        // extrapolate with the band's mean spacing, so that a steady drift does not run off its edge.
        int last = band.Length - 1;
        // Both ranks still three quarters of the margin inside the band: the drift is well within it, so narrow it a little.
        // Stryker disable once Equality,Linq,Arithmetic,Assignment : only how often a call falls back to a full selection: every call checks its ranks against the band's counts before it reads the band, so any pivot or margin gives the same percentile (docs/mutation-survivors.md)
        if (_margin > _initialMargin && 4 * Math.Min(rank, last - rank - 1) >= 3 * _margin) _margin -= Math.Max(1, _margin / 16);
        int m = _margin;
        double spacing = (band[last] - band[0]) / last;
        // Stryker disable once Equality,Arithmetic,Conditional : only how often a call falls back to a full selection: every call checks its ranks against the band's counts before it reads the band, so any pivot or margin gives the same percentile (docs/mutation-survivors.md)
        _low = rank - m >= 0 ? band[rank - m] : a - (m + 1) * spacing;
        // Stryker disable once Equality,Arithmetic,Conditional : only how often a call falls back to a full selection: every call checks its ranks against the band's counts before it reads the band, so any pivot or margin gives the same percentile (docs/mutation-survivors.md)
        _high = rank + 1 + m <= last ? band[rank + 1 + m] : b + (m + 1) * spacing;
        return Percentile.Lerp(a, b, _at.T);
    }

    private double Fallback(ReadOnlySpan<double> all, Span<double> scratch)
    {
        // Stryker disable once Boolean,Linq : only how often a call falls back to a full selection: every call checks its ranks against the band's counts before it reads the band, so any pivot or margin gives the same percentile (docs/mutation-survivors.md)
        if (_hasPivots) _margin = Math.Min(2 * _margin, _maxMargin);
        Fallbacks++;
        int n = _n, k = _at.Lo, m = _margin;
        var s = scratch[..n];
        all.CopyTo(s);
        double a = Selection.SelectPair(s, 0, n - 1, k, wantNext: true, out double b);
        // s[..k] ≤ s[k] ≤ s[k+1..]: each pivot is one more selection on its side.
        // Stryker disable once Equality,Arithmetic,Boolean : only how often a call falls back to a full selection: every call checks its ranks against the band's counts before it reads the band, so any pivot or margin gives the same percentile (docs/mutation-survivors.md)
        _low = k - m >= 0 ? Selection.SelectPair(s, 0, k - 1, k - m, wantNext: false, out _) : double.NegativeInfinity;
        _high = k + 1 + m < n ? Selection.SelectPair(s, k + 1, n - 1, k + 1 + m, wantNext: false, out _) : double.PositiveInfinity;
        _hasPivots = true;
        return Percentile.Lerp(a, b, _at.T);
    }

    /// <summary>Bands up to this size are sorted by <see cref="RankSort"/>.</summary>
    private const int SmallBand = 96;

    /// <summary>
    /// Sorts the first <paramref name="count"/> values of <paramref name="band"/> into <paramref name="sorted"/>
    /// by counting each one's rank: the values below it, and the equal ones before it. Quadratic, but
    /// without a branch on the data, so a band of a few dozen values sorts faster than by comparisons that
    /// mispredict half the time. The band's array must have room for 3 values of padding after count.
    /// </summary>
    private static void RankSort(double[] band, int count, Span<double> sorted, bool vectorize)
    {
        int padded = (count + 3) & ~3;
        // +∞ pads whole vectors: never below a value, and never before one (its index is past count).
        band.AsSpan(count, padded - count).Fill(double.PositiveInfinity);
        ref double r = ref MemoryMarshal.GetArrayDataReference(band);
        for (int i = 0; i < count; i++)
        {
            double v = band[i];
            long rank = 0;
            int j = 0;
            // Stryker disable once Boolean,Logical : scalar twin: the scalar loop counts the same values below v and the equal ones before it, so the same rank (PercentileTrackerScalarTwinTests) (docs/mutation-survivors.md)
            if (vectorize && Vector256.IsHardwareAccelerated)
            {
                var vv = Vector256.Create(v);
                var vi = Vector256.Create((long)i);
                var index = Vector256.Create(0L, 1L, 2L, 3L);
                var counts = Vector256<long>.Zero;
                // Stryker disable once Equality : with no vector step the scalar loop counts the same ranks; the +∞ padding it skips never counts (docs/mutation-survivors.md)
                for (; j < padded; j += 4, index += Vector256.Create(4L))
                {
                    var u = Vector256.LoadUnsafe(ref r, (nuint)j);
                    var before = Vector256.LessThan(u, vv).AsInt64() | (Vector256.Equals(u, vv).AsInt64() & Vector256.LessThan(index, vi));
                    counts -= before;
                }
                rank = Vector256.Sum(counts);
            }
            for (; j < count; j++)
            {
                double u = band[j];
                rank += u < v || (u == v && j < i) ? 1 : 0;
            }
            sorted[(int)rank] = v;
        }
    }
}
