namespace GradFlow.Diagnostics;

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
        long work = 0, budget = (long)workFactor * (hi - lo + 1);
        while (true)
        {
            int m = hi - lo + 1;
            if (m <= SmallWindow || work > budget)
            {
                // Sorted window: a[k + 1] is next inside it; past its end, a[hi + 1] is the minimum of the rest.
                if (m <= SmallWindow) InsertionSort(a.Slice(lo, m));
                else a.Slice(lo, m).Sort();
                next = wantNext ? (k < hi ? a[k + 1] : a[hi + 1]) : 0.0;
                return a[k];
            }
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
                hi = j - 1; // a[j] = p is the minimum of everything from j on: the invariant for `next`.
                continue;
            }
            if (k == j)
            {
                next = wantNext ? MinAbove(a, j, hi) : 0.0;
                return p;
            }
            if (equal > 0 && (k <= j + equal || equal >= m >> 4))
            {
                int end = j + 1 + AtMostFirst(a.Slice(j + 1, hi - j), p); // a[j..end) == p
                if (k < end)
                {
                    next = wantNext ? (k + 1 < end ? p : MinAbove(a, end - 1, hi)) : 0.0;
                    return p;
                }
                lo = end;
                continue;
            }
            lo = j + 1;
        }
    }

    /// <summary>The smallest of a(j..hi], or a[hi + 1] (the minimum of the rest, by the invariant) when that is empty.</summary>
    private static double MinAbove(ReadOnlySpan<double> a, int j, int hi)
    {
        if (j == hi) return a[hi + 1];
        double min = a[j + 1];
        for (int i = j + 2; i <= hi; i++)
        {
            double x = a[i];
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
            j += x < p ? 1 : 0;
            eq += x == p ? 1 : 0;
        }
        equal = eq;
        return j;
    }

    /// <summary>Moves the elements ≤ p to the front and returns their count.</summary>
    private static int AtMostFirst(Span<double> a, double p)
    {
        int j = 0;
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

    private static void InsertionSort(Span<double> a)
    {
        for (int i = 1; i < a.Length; i++)
        {
            double v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
