using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

/// <summary>
/// In-place selection of order statistics: a quickselect whose pivot is read off a small evenly
/// spaced sample at the rank of the target (Floyd–Rivest's idea), partitioned branch-free (Lomuto),
/// with runs of equal values gathered so that heavy ties (a ReLU's φ′ ∈ {0, 1}) end in one or two
/// passes. Once the work exceeds a few passes over the window (an adversarial order), the window is
/// sorted instead, so the worst case is O(n log n). The pivot rule is deterministic; the values
/// returned never depend on it (an order statistic is unique), only the final order of the span does.
/// </summary>
internal static class Selection
{
    private const int SmallWindow = 16;

    /// <summary>Work allowed, in multiples of the window, before the fallback sort.</summary>
    internal const int DefaultWorkFactor = 4;

    /// <summary>
    /// Places the k-th smallest element of the window <c>a[lo..hi]</c> (k absolute, lo ≤ k ≤ hi) at a[k],
    /// with a[lo..k) ≤ a[k] ≤ a(k..hi], and returns it; with <paramref name="wantNext"/> also the
    /// (k+1)-th smallest in <paramref name="next"/>.
    /// Preconditions: every element of the window is ≥ every element before lo and ≤ every element
    /// after hi; when hi + 1 &lt; a.Length, a[hi + 1] is the minimum of a[hi + 1..]; with wantNext,
    /// k + 1 &lt; a.Length. No NaN anywhere in <paramref name="a"/>.
    /// </summary>
    internal static double SelectPair(Span<double> a, int lo, int hi, int k, bool wantNext, out double next, int workFactor = DefaultWorkFactor)
    {
        // Stryker disable once all : the budget only decides when the window is sorted instead: the same order statistics either way (SelectionTests, work factor 0 and 4)
        long work = 0, budget = (long)workFactor * (hi - lo + 1);
        while (true)
        {
            int m = hi - lo + 1;
            if (
                // Stryker disable once Equality,Logical,Boolean : when to stop partitioning and sort is speed only: quickselect with any pivot, or a sort, finds the same order statistics (negated: big windows sorted at once, small ones partitioned down to one element, k = j)
                m <= SmallWindow || work > budget)
            {
                // Sorted window: a[k + 1] is next inside it; past its end, a[hi + 1] is the minimum of the rest.
                // Stryker disable once Equality,Boolean : both branches sort the window (insertion sort or introsort), whichever the test picks: the same sorted values
                if (m <= SmallWindow) InsertionSort(a.Slice(lo, m));
                else a.Slice(lo, m).Sort();
                next = wantNext ? (
                    // Stryker disable once Equality,Conditional : <= for <, or a[k + 1] always, reads a[hi + 1] at k = hi, the same element
                    k < hi ? a[k + 1] : a[hi + 1]) : 0.0;
                return a[k];
            }
            // Stryker disable once Assignment : work only decides when the window is sorted instead (see the budget)
            work += m;

            int pivotAt = ChoosePivot(a, lo, hi, k);
            double p = a[pivotAt];
            a[pivotAt] = a[hi];
            a[hi] = p;
            int j = LessThanFirst(a.Slice(lo, m - 1), p, out int equal) + lo;
            a[hi] = a[j];
            a[j] = p;
            // Now a[lo..j) < p = a[j] ≤ a(j..hi], and `equal` more elements of a(j..hi] equal p.

            if (k < j)
            {
                // Stryker disable once Arithmetic : j + 1 keeps a[j] = p ≤ a[j + 1] in the window, above ranks ≤ k + 1 ≤ j (so the same a[k] and next, and k ≤ hi − 2 keeps a[hi + 1] unread); j ≤ hi − 1 (the pivot is never a window's strict maximum), and a pass that does not shrink the window is ended by the work budget
                hi = j - 1; // a[j] = p is the minimum of everything from j on: the invariant for `next`.
                continue;
            }
            if (k == j)
            {
                // Stryker disable once Conditional : MinAbove only reads, and reads a[hi + 1] only at j = hi, which never happens (the pivot is never a window's strict maximum): without wantNext its value is dropped
                next = wantNext ? MinAbove(a, j, hi) : 0.0;
                return p;
            }
            if (
                // Stryker disable once all : gathering the run equal to p is speed only: the gathered branch is correct for any count of equal values (none gives end = j + 1, the step below)
                equal > 0 && (k <= j + equal || equal >= m >> 4))
            {
                int end = j + 1 + AtMostFirst(a.Slice(j + 1, hi - j), p); // a[j..end) == p
                if (k < end)
                {
                    next = wantNext ? (k + 1 < end ? p : MinAbove(a, end - 1, hi)) : 0.0;
                    return p;
                }
                // Stryker disable once Statement : without it the same window is partitioned again, and the work budget sorts it: the same order statistics
                lo = end;
                continue;
            }
            lo = j + 1;
        }
    }

    /// <summary>Below this many values a band pass costs more than it saves.</summary>
    internal const int BandMinimum = 2048;

    /// <summary>What <see cref="TryBand"/> found.</summary>
    internal enum BandOutcome
    {
        /// <summary>Nothing usable: select over the whole span.</summary>
        None,

        /// <summary>The ranks lie in a[0..width), at rank − below.</summary>
        Band,

        /// <summary>Every rank asked for holds the same value (a tie), <c>constant</c>.</summary>
        Constant,
    }

    /// <summary>
    /// Floyd–Rivest's first step as one pass: two pivots pL &lt; pR read off an evenly spaced sample a
    /// few standard deviations either side of ranks kLow..kHigh (and kHigh + 1 with
    /// <paramref name="wantNext"/>), then one pass that counts the values below pL and moves the values
    /// in [pL, pR] to the front, a[0..width): typically a tenth of them. When the two pivots coincide (a
    /// tie, as a ReLU's φ′ ∈ {0, 1}), a pass that only counts the values below and up to that value
    /// may show that every rank asked for holds it. Gives up (None) on a wide band or when the ranks
    /// fell outside it (an unrepresentative sample); a is always left a permutation of its values. The
    /// passes are vectorised, but the band's values are moved in index order, so the array ends the
    /// same whatever the vector width. No NaN allowed.
    /// </summary>
    internal static BandOutcome TryBand(Span<double> a, int kLow, int kHigh, bool wantNext, out int below, out int width, out double constant)
    {
        below = width = 0;
        constant = 0;
        int n = a.Length;
        if (n < BandMinimum) return BandOutcome.None;
        int s = n >= 16384 ? 512 : 256;
        Span<double> sample = stackalloc double[s];
        for (int t = 0; t < s; t++) sample[t] = a[(int)((2L * t + 1) * n / (2L * s))];

        int kTop = wantNext ? kHigh + 1 : kHigh;
        double rankLow = (double)kLow * s / n, rankHigh = (double)kTop * s / n;
        int iLow = (int)Math.Floor(rankLow - 2.5 * Math.Sqrt(rankLow * (1 - rankLow / s))) - 1;
        int iHigh = (int)Math.Ceiling(rankHigh + 2.5 * Math.Sqrt(rankHigh * (1 - rankHigh / s))) + 1;
        int jLow = Math.Max(iLow, 0), jHigh = Math.Min(iHigh, s - 1);
        double sHigh = SelectPair(sample, 0, s - 1, jHigh, false, out _);
        // jLow < jHigh always (iHigh ≥ iLow + 2, and each clamp keeps them apart: jHigh ≥ 1, jLow ≤ ⌊rankLow⌋ − 1 ≤ s − 2).
        double sLow = SelectPair(sample, 0, jHigh - 1, jLow,
                // Stryker disable once Boolean : wantNext only reads a next value, at most sample[jHigh] (a valid index), and it is dropped
                false, out _);
        if (sLow == sHigh)
        {
            // One value spans the ranks in the sample (a tie): count the values below it and up to it.
            var (less, atMost) = CountBelowAndAtMost(a, sLow);
            if (less <= kLow && kTop < atMost)
            {
                constant = sLow;
                return BandOutcome.Constant;
            }
            return BandOutcome.None;
        }
        if (iLow < 0 && iHigh >= s) return BandOutcome.None;
        double pLow = iLow < 0 ? double.NegativeInfinity : sLow;
        double pHigh = iHigh >= s ? double.PositiveInfinity : sHigh;
        int inBand = 0;
        foreach (double x in sample) inBand += x >= pLow && x <= pHigh ? 1 : 0;
        if (inBand > s / 4) return BandOutcome.None;

        int w = 0, i = 0;
        long lessCount = 0;
        ref double r = ref MemoryMarshal.GetReference(a);
        // Stryker disable once Boolean,Block : scalar twin: the scalar loop counts the same values and moves the band's values in the same index order
        if (Vector256.IsHardwareAccelerated)
        {
            var vLow = Vector256.Create(pLow);
            var vHigh = Vector256.Create(pHigh);
            var count = Vector256<long>.Zero;
            for (;
                // Stryker disable once Equality : scalar twin: a block left over goes to the scalar loop, in the same index order
                i <= n - 4; i += 4)
            {
                var v = Vector256.LoadUnsafe(ref r, (nuint)i);
                var isLess = Vector256.LessThan(v, vLow);
                count -= isLess.AsInt64();
                uint mask = Vector256.AndNot(Vector256.LessThanOrEqual(v, vHigh), isLess).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    // Lanes in index order, exactly as the scalar loop below would.
                    int at = i + BitOperations.TrailingZeroCount(mask);
                    (Unsafe.Add(ref r, w), Unsafe.Add(ref r, at)) = (Unsafe.Add(ref r, at), Unsafe.Add(ref r, w));
                    w++;
                    mask &= mask - 1;
                }
            }
            lessCount = Vector256.Sum(count);
        }
        for (; i < n; i++)
        {
            double x = a[i];
            if (x < pLow) lessCount++;
            else if (x <= pHigh)
            {
                a[i] = a[w];
                a[w] = x;
                w++;
            }
        }
        below = (int)lessCount;
        width = w;
        return below <= kLow && kTop < below + w ? BandOutcome.Band : BandOutcome.None;
    }

    /// <summary>How many values are &lt; v and how many ≤ v; exact integers, so the vector width cannot matter.</summary>
    private static (int Less, int AtMost) CountBelowAndAtMost(ReadOnlySpan<double> a, double v)
    {
        long less = 0, atMost = 0;
        int i = 0;
        // Stryker disable once Boolean,Block : scalar twin: exact integer counts, whichever loop makes them
        if (Vector256.IsHardwareAccelerated)
        {
            ref double r = ref MemoryMarshal.GetReference(a);
            var vv = Vector256.Create(v);
            Vector256<long> cl = Vector256<long>.Zero, cm = Vector256<long>.Zero;
            for (;
                // Stryker disable once Equality : scalar twin: a block left over is counted by the scalar loop
                i <= a.Length - 4; i += 4)
            {
                var x = Vector256.LoadUnsafe(ref r, (nuint)i);
                cl -= Vector256.LessThan(x, vv).AsInt64();
                cm -= Vector256.LessThanOrEqual(x, vv).AsInt64();
            }
            less = Vector256.Sum(cl);
            atMost = Vector256.Sum(cm);
        }
        for (; i < a.Length; i++)
        {
            less += a[i] < v ? 1 : 0;
            atMost += a[i] <= v ? 1 : 0;
        }
        return ((int)less, (int)atMost);
    }

    /// <summary>The smallest of a(j..hi], or a[hi + 1] (the minimum of the rest, by the invariant) when that is empty.</summary>
    private static double MinAbove(ReadOnlySpan<double> a, int j, int hi)
    {
        if (j == hi) return a[hi + 1];
        double min = a[j + 1];
        for (int i = j + 2; i <= hi; i++)
        {
            double x = a[i];
            // Stryker disable once Equality : <= for < takes an equal value instead: the same double, but for the sign of a zero, which is not specified
            if (x < min) min = x;
        }
        return min;
    }

    /// <summary>
    /// Branch-free Lomuto: moves the elements &lt; p to the front, in one pass, and returns their count;
    /// <paramref name="equal"/> counts the elements equal to p.
    /// </summary>
    private static int LessThanFirst(Span<double> a, double p, out int equal)
    {
        int j = 0, eq = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double x = a[i];
            a[i] = a[j];
            a[j] = x;
            // Stryker disable once Equality : <= for < puts the values equal to p left of it: still a[lo..j) ≤ p = a[j] < a(j..hi], a valid partition for every step below
            j += x < p ? 1 : 0;
            // Stryker disable once all : the count of equal values only decides whether the run equal to p is gathered, which is speed only (see SelectPair)
            eq += x == p ? 1 : 0;
        }
        equal = eq;
        return j;
    }

    /// <summary>Moves the elements ≤ p to the front and returns their count.</summary>
    private static int AtMostFirst(Span<double> a, double p)
    {
        int j = 0;
        // Stryker disable once Equality,Conditional : a count too small (< for <=, the loop not run, 0 for 1) gives end = j + 1 at least, where SelectPair continues as without gathering
        for (int i = 0; i < a.Length; i++)
        {
            double x = a[i];
            a[i] = a[j];
            a[j] = x;
            j += x <= p ? 1 : 0;
        }
        return j;
    }

    /// <summary>
    /// The position of the pivot for a[lo..hi]: the median of three for small windows; otherwise the
    /// element of an evenly spaced sample at the target's rank, shifted by about one standard deviation
    /// of that rank towards the window's middle, so that k most likely falls in the smaller side.
    /// </summary>
    // Stryker disable all : any index in [lo, hi] is a valid pivot: the values returned never depend on it, only the speed and the span's final order (unspecified)
    private static int ChoosePivot(Span<double> a, int lo, int hi, int k)
    {
        int m = hi - lo + 1;
        if (m < 128) return MedianOfThree(a, lo, lo + (m >> 1), hi);

        int s = m < 1024 ? 15 : m < 8192 ? 31 : 63;
        int margin = s == 15 ? 1 : s == 31 ? 2 : 3;
        Span<double> values = stackalloc double[s];
        Span<int> positions = stackalloc int[s];
        for (int t = 0; t < s; t++)
        {
            int at = lo + (int)((2L * t + 1) * m / (2L * s));
            positions[t] = at;
            values[t] = a[at];
        }
        // Insertion sort of the sample, carrying the positions along.
        for (int t = 1; t < s; t++)
        {
            double v = values[t];
            int at = positions[t], u = t - 1;
            while (u >= 0 && values[u] > v)
            {
                values[u + 1] = values[u];
                positions[u + 1] = positions[u];
                u--;
            }
            values[u + 1] = v;
            positions[u + 1] = at;
        }
        long offset = k - lo;
        int rank = (int)(offset * s / m);
        rank = 2 * offset < m ? Math.Min(rank + margin, s - 1) : Math.Max(rank - margin, 0);
        return positions[rank];
    }

    // Stryker disable once all : every path returns one of i, j, k, each a valid pivot (the disable/restore pair around ChoosePivot did not reach this method)
    private static int MedianOfThree(ReadOnlySpan<double> a, int i, int j, int k)
    {
        double x = a[i], y = a[j], z = a[k];
        if (x < y)
        {
            if (y < z) return j;
            return x < z ? k : i;
        }
        if (x < z) return i;
        return y < z ? k : j;
    }
    // Stryker restore all

    private static void InsertionSort(Span<double> a)
    {
        for (int i = 1; i < a.Length; i++)
        {
            double v = a[i];
            int j = i - 1;
            // Stryker disable once Equality : >= for > moves equal values past each other: the same sorted doubles, but for the order of −0 and +0 (not specified)
            while (j >= 0 && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
