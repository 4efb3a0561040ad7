using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Activations;

/// <summary>
/// The span driver of the vectorised activations: eight lanes at a time where the hardware has 512-bit
/// vectors and the operator an eight-lane kernel, then four where the hardware has 256-bit ones, the
/// scalar twin elsewhere and on the tail. Both give the same bits, so the result never
/// depends on the SIMD width the JIT picks nor on where a span starts or ends.
/// </summary>
public static class VectorActivation
{
    public static void Apply<TFunction>(ReadOnlySpan<double> z, Span<double> a, Span<double> dphi)
        where TFunction : IVectorActivationFunction<TFunction>
    {
        if (a.Length != z.Length || dphi.Length != z.Length)
            throw new ArgumentException($"span lengths differ: z {z.Length}, a {a.Length}, dphi {dphi.Length}");
        ref double zr = ref MemoryMarshal.GetReference(z);
        ref double ar = ref MemoryMarshal.GetReference(a);
        ref double dr = ref MemoryMarshal.GetReference(dphi);
        nuint n = (nuint)z.Length, i = 0;
        // Stryker disable once Boolean,Logical : the four-lane loop and the scalar tail give the same bits as the eight-lane loop, whichever runs (docs/mutation-survivors.md)
        if (Vector512.IsHardwareAccelerated && TFunction.HasEightLaneKernel)
        {
            // Stryker disable once Equality,Arithmetic : fewer eight-lane blocks leave more to the bit-identical loops after it (docs/mutation-survivors.md)
            for (; i + 8 <= n; i += 8)
            {
                var value = TFunction.Evaluate(Vector512.LoadUnsafe(ref zr, i), out var derivative);
                value.StoreUnsafe(ref ar, i);
                derivative.StoreUnsafe(ref dr, i);
            }
        }
        // Stryker disable once Boolean : the scalar tail gives the same bits, so skipping the vector loop changes nothing (docs/mutation-survivors.md)
        if (Vector256.IsHardwareAccelerated)
        {
            // Stryker disable once Equality,Arithmetic : fewer vector blocks leave more to the bit-identical scalar tail (docs/mutation-survivors.md)
            for (; i + 4 <= n; i += 4)
            {
                var value = TFunction.Evaluate(Vector256.LoadUnsafe(ref zr, i), out var derivative);
                value.StoreUnsafe(ref ar, i);
                derivative.StoreUnsafe(ref dr, i);
            }
        }
        for (; i < n; i++)
        {
            (Unsafe.Add(ref ar, i), Unsafe.Add(ref dr, i)) = TFunction.Evaluate(Unsafe.Add(ref zr, i));
        }
    }

    /// <summary>How many (z[i], phi[i]) are in the limit: an integer count, so the same whatever the vector width.</summary>
    public static int CountInLimit<TFunction>(ReadOnlySpan<double> z, ReadOnlySpan<double> phi)
        where TFunction : IVectorActivationFunction<TFunction>
    {
        if (phi.Length != z.Length) throw new ArgumentException($"span lengths differ: z {z.Length}, phi {phi.Length}");
        ref double zr = ref MemoryMarshal.GetReference(z);
        ref double pr = ref MemoryMarshal.GetReference(phi);
        nuint n = (nuint)z.Length, i = 0;
        long count = 0;
        // Stryker disable once Boolean,Logical : the loops after it count the same as the eight-lane loop, whichever runs (docs/mutation-survivors.md)
        if (Vector512.IsHardwareAccelerated && TFunction.HasEightLaneKernel)
        {
            var lanes = Vector512<long>.Zero;
            // Stryker disable once Equality,Arithmetic : fewer eight-lane blocks leave more to the loops after it, which count the same (docs/mutation-survivors.md)
            for (; i + 8 <= n; i += 8)
                lanes -= TFunction.IsInLimitAt(Vector512.LoadUnsafe(ref zr, i), Vector512.LoadUnsafe(ref pr, i)).AsInt64();
            count = Vector512.Sum(lanes);
        }
        // Stryker disable once Boolean : the scalar tail gives the same bits, so skipping the vector loop changes nothing (docs/mutation-survivors.md)
        if (Vector256.IsHardwareAccelerated)
        {
            var lanes = Vector256<long>.Zero;
            // Stryker disable once Equality,Arithmetic : fewer vector blocks leave more to the bit-identical scalar tail (docs/mutation-survivors.md)
            for (; i + 4 <= n; i += 4)
                lanes -= TFunction.IsInLimitAt(Vector256.LoadUnsafe(ref zr, i), Vector256.LoadUnsafe(ref pr, i)).AsInt64();
            count += Vector256.Sum(lanes);
        }
        for (; i < n; i++) count += TFunction.IsInLimitAt(Unsafe.Add(ref zr, i), Unsafe.Add(ref pr, i)) ? 1 : 0;
        return (int)count;
    }
}
