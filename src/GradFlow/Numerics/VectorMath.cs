using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

/// <summary>
/// Elementary functions as <see cref="Vector256{T}"/> kernels, each with a scalar twin that performs
/// the same IEEE operations in the same order on one lane: same constants, same Horner order, the same
/// fused multiply-adds (<see cref="Vector256.FusedMultiplyAdd"/> and <see cref="Math.FusedMultiplyAdd"/>
/// both round once, with or without FMA hardware), and every branch a select on an explicit mask. So a
/// span computed eight or four lanes at a time, one at a time, or with any mix of these, has the same bits.
/// (The <see cref="Vector512{T}"/> forms repeat the four-lane ones operation for operation, on eight lanes.)
/// <para>
/// Polynomial coefficients: near-minimax Chebyshev fits by tests/Unit/Numerics/oracle/fit_polynomials.py
/// (mpmath). The range reductions follow the classic designs described in J.-M. Muller, "Elementary
/// Functions" (Cody–Waite reduction for exp; fdlibm-style breakpoints for atan).
/// </para>
/// </summary>
public static partial class VectorMath
{
    private const long SignBit = long.MinValue;

    // 1.5·2^52: adding it to |v| < 2^51 rounds v to an integer (ties to even) held in the low mantissa bits.
    private const double RoundingShifter = 3L << 51;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Abs(Vector256<double> x) => Vector256.AndNot(x, Vector256.Create(SignBit).AsDouble());

    // The scalar twin of Abs: clears the sign bit and nothing else (NaN payloads kept), like AndNot.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Abs(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & ~SignBit);

    /// <summary>|m| with the sign bit of <paramref name="x"/>; <paramref name="magnitude"/> must have a clear sign bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> WithSignOf(Vector256<double> magnitude, Vector256<double> x) =>
        magnitude | (x & Vector256.Create(SignBit).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double WithSignOf(double magnitude, double x) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(magnitude) | (BitConverter.DoubleToInt64Bits(x) & SignBit));

    /// <summary>NaN lanes of <paramref name="x"/> pass through unchanged (payload and sign); other lanes take <paramref name="result"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PassNaN(Vector256<double> x, Vector256<double> result) =>
        Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PassNaN(double x, double result) => double.IsNaN(x) ? x : result;

    // The eight-lane forms of the helpers above: the same bit operations on each lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Abs(Vector512<double> x) => Vector512.AndNot(x, Vector512.Create(SignBit).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> WithSignOf(Vector512<double> magnitude, Vector512<double> x) =>
        magnitude | (x & Vector512.Create(SignBit).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> PassNaN(Vector512<double> x, Vector512<double> result) =>
        Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
}
