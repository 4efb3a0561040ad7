using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

/// <summary>
/// Percentiles exactly as NumPy 1.24's default <c>np.percentile(a, q)</c> (method "linear",
/// Hyndman &amp; Fan's 7th), bit for bit, found by selection rather than by sorting the whole array.
/// NumPy (numpy/lib/function_base.py): q/100 in double; virtual index (n − 1)·q; lo = ⌊index⌋ and
/// t = index − lo; the lo-th and (lo+1)-th order statistics a, b; then <c>_lerp</c>: a + (b − a)·t,
/// or b − (b − a)·(1 − t) when t ≥ 0.5. An index at or past n − 1 takes the maximum for both
/// neighbours with t = index + 1 (so an infinite maximum gives NaN, as NumPy's does). Any NaN in the
/// input gives NaN. −0 and +0 compare equal, so the sign of a zero result is not specified.
/// The "InPlace" methods reorder <c>values</c> (a permutation of it: no element is lost) and allocate nothing.
/// </summary>
public static class Percentile
{
    /// <summary>The q-th percentile (0 ≤ q ≤ 100) of <paramref name="values"/>, reordering them.</summary>
    public static double OfInPlace(Span<double> values, double q)
    {
        var at = Position.Of(values.Length, q, nameof(q));
        return ContainsNaN(values) ? double.NaN : Core(values, at);
    }

    /// <summary>
    /// <see cref="OfInPlace(Span{double}, double)"/> for a caller that knows there is no NaN (say from
    /// a sum of the values that is not NaN): the scan for one is skipped.
    /// </summary>
    internal static double OfInPlaceWithoutNaN(Span<double> values, double q) => Core(values, Position.Of(values.Length, q, nameof(q)));

    private static double Core(Span<double> values, Position at)
    {
        if (at.AtMaximum)
        {
            double max = Max(values);
            return Lerp(max, max, at.T);
        }
        var window = values;
        int k = at.Lo;
        switch (Selection.TryBand(values, k, k, wantNext: true, out int below, out int width, out double tie))
        {
            case Selection.BandOutcome.Constant:
                return Lerp(tie, tie, at.T);
            case Selection.BandOutcome.Band:
                window = values[..width];
                k -= below;
                break;
        }
        double a = Selection.SelectPair(window, 0, window.Length - 1, k, wantNext: true, out double b);
        return Lerp(a, b, at.T);
    }

    /// <summary>
    /// Two percentiles of the same values with one shared partition: the second selection runs only
    /// inside the part the first one left on its side (e.g. p1 inside the lowest 10 % after p10).
    /// </summary>
    public static (double First, double Second) OfInPlace(Span<double> values, double q1, double q2)
    {
        var at1 = Position.Of(values.Length, q1, nameof(q1));
        var at2 = Position.Of(values.Length, q2, nameof(q2));
        return ContainsNaN(values) ? (double.NaN, double.NaN) : Core(values, at1, at2);
    }

    /// <summary>The two-percentile <see cref="OfInPlace(Span{double}, double, double)"/> without the scan for NaN.</summary>
    internal static (double First, double Second) OfInPlaceWithoutNaN(Span<double> values, double q1, double q2) =>
        Core(values, Position.Of(values.Length, q1, nameof(q1)), Position.Of(values.Length, q2, nameof(q2)));

    private static (double First, double Second) Core(Span<double> values, Position at1, Position at2)
    {
        if (at1.AtMaximum || at2.AtMaximum)
        {
            double max = Max(values);
            // Stryker disable once Conditional : Core(values, at) itself returns Lerp(max, max, T) at the maximum, max of the same values (only permuted)
            double r1 = at1.AtMaximum ? Lerp(max, max, at1.T) : Core(values, at1);
            // Stryker disable once Conditional : as for r1: Core takes the maximum path itself, on a permutation of the same values
            double r2 = at2.AtMaximum ? Lerp(max, max, at2.T) : Core(values, at2);
            return (r1, r2);
        }

        int kLow = Math.Min(at1.Lo, at2.Lo), kHigh = Math.Max(at1.Lo, at2.Lo);
        var window = values;
        int shift = 0;
        switch (Selection.TryBand(values, kLow, kHigh, wantNext: true, out int below, out int width, out double tie))
        {
            case Selection.BandOutcome.Constant:
                return (Lerp(tie, tie, at1.T), Lerp(tie, tie, at2.T));
            case Selection.BandOutcome.Band:
                window = values[..width];
                shift = below;
                break;
        }
        int n = window.Length, lo = kLow - shift, hi = kHigh - shift;
        double aLow, bLow, aHigh, bHigh;
        if (lo == hi)
        {
            aLow = aHigh = Selection.SelectPair(window, 0, n - 1, lo, true, out bLow);
            bHigh = bLow;
        }
        else if (
            // Stryker disable once all : either order of the two selections is correct for any lo < hi (the second runs in the part the first left on its side); the test only picks the shorter
            hi < n - lo)
        {
            // Both low (p1, p10): the high one first; the low one then searches only below it.
            aHigh = Selection.SelectPair(window, 0, n - 1, hi, true, out bHigh);
            aLow = Selection.SelectPair(window, 0,
                // Stryker disable once Arithmetic : hi + 1 for hi − 1 adds a[hi] ≤ a[hi + 1], both ≥ all of a[0..hi): ranks lo and lo + 1 ≤ hi of the wider window are the same elements (hi + 1 ≤ n − 1, as hi ≤ n − 2)
                hi - 1, lo, true, out bLow);
        }
        else
        {
            aLow = Selection.SelectPair(window, 0, n - 1, lo, true, out bLow);
            aHigh = Selection.SelectPair(window,
                // Stryker disable once Arithmetic : lo − 1 for lo + 1 adds a[lo − 1] and a[lo], the two smallest of the wider window (a[0..lo) ≤ a[lo] ≤ a(lo..)), so rank hi keeps its place; lo ≥ 2 here (hi ≥ n − lo and hi ≤ n − 2)
                lo + 1, n - 1, hi, true, out bHigh);
        }
        bool firstIsLow = at1.Lo == kLow;
        double p1 = firstIsLow ? Lerp(aLow, bLow, at1.T) : Lerp(aHigh, bHigh, at1.T);
        double p2 = at2.Lo == kLow ? Lerp(aLow, bLow, at2.T) : Lerp(aHigh, bHigh, at2.T);
        return (p1, p2);
    }

    /// <summary>The q-th percentile of <paramref name="values"/>, on a copy (the input is left as it is).</summary>
    public static double Of(ReadOnlySpan<double> values, double q) => OfInPlace(values.ToArray(), q);

    /// <summary>
    /// The k-th smallest (0-based) of <paramref name="values"/>, placed at values[k] with every element
    /// before it ≤ and every element after it ≥. NaN is not ordered: values must hold none.
    /// </summary>
    public static double Select(Span<double> values, int k)
    {
        if ((uint)k >= (uint)values.Length)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [0, {values.Length - 1}] for {values.Length} values");
        if (ContainsNaN(values)) throw new ArgumentException("values contain NaN, which has no rank", nameof(values));
        return Selection.SelectPair(values, 0, values.Length - 1, k, wantNext: false, out _);
    }

    /// <summary>NumPy's _lerp: a + (b − a)·t, computed from b's side when t ≥ 0.5 so that t = 1 gives b exactly.</summary>
    internal static double Lerp(double a, double b, double t)
    {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /// <summary>Where NumPy looks for the q-th percentile of n values.</summary>
    internal readonly record struct Position(bool AtMaximum, int Lo, double T)
    {
        public static Position Of(int n, double q, string name)
        {
            if (n == 0) throw new ArgumentException("the percentile of no values is undefined", "values");
            double fraction = q / 100.0; // np.true_divide(q, 100)
            if (!(fraction >= 0.0 && fraction <= 1.0))
                throw new ArgumentOutOfRangeException(name, q, "a percentile must be in [0, 100]");
            double index = (n - 1) * fraction; // NumPy's linear method: (n - 1) * quantiles
            if (index >= n - 1)
                // Stryker disable once Unary,Arithmetic : Lo is never read at the maximum; T = index − 1 (n − 2) for index + 1 (n) only changes the factor of diff = max − max (±0 or NaN): Lerp gives max, or the same NaN, for both (n = 1, 2 and n ≥ 3 checked by cases)
                return new Position(true, -1, index + 1.0); // gamma = index − (−1)
            double lo = Math.Floor(index);
            return new Position(false, (int)lo, index - lo);
        }
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = values[0];
        for (int i = 1; i < values.Length; i++)
            // Stryker disable once Equality : >= for > differs only on equal values, i.e. −0 after +0: the sign of a zero result, which is not specified
            if (values[i] > max) max = values[i];
        return max;
    }

    internal static bool ContainsNaN(ReadOnlySpan<double> values)
    {
        ref double r = ref MemoryMarshal.GetReference(values);
        nuint n = (nuint)values.Length, i = 0;
        // Stryker disable once Boolean,Block : scalar twin: the scalar loop finds the same NaN (a yes or no, not a position)
        if (Vector256.IsHardwareAccelerated)
        {
            for (;
                // Stryker disable once Equality,Arithmetic : scalar twin; i − 4 wraps the unsigned index, so the vector loop never runs
                i + 4 <= n; i += 4)
            {
                var v = Vector256.LoadUnsafe(ref r, i);
                if (!Vector256.EqualsAll(v, v)) return true;
            }
        }
        for (; i < n; i++)
            if (double.IsNaN(values[(int)i])) return true;
        return false;
    }
}
