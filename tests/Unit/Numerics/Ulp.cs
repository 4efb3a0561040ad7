namespace GradFlow.Tests.Unit.Numerics;

/// <summary>Distances between doubles in units in the last place.</summary>
internal static class Ulp
{
    /// <summary>How many doubles lie between a and b (0 when equal, ±0 count as equal); long.MaxValue if exactly one is NaN.</summary>
    public static long Distance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a) && double.IsNaN(b) ? 0 : long.MaxValue;
        return Math.Abs(Ordinal(a) - Ordinal(b));
    }

    // Maps the doubles onto the integers in order: −0 and +0 both to 0, adjacent doubles to adjacent integers.
    private static long Ordinal(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return bits < 0 ? -(bits & long.MaxValue) : bits;
    }
}
