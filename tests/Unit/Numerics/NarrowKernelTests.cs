using System.Runtime.InteropServices;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// The Vector128 twins that run where there is no 256-bit hardware give <see cref="Kernels.Dot"/>'s and
/// <see cref="Kernels.Sum"/>'s bits (checked here, on a machine where those take their Vector256 path).
/// </summary>
public sealed class NarrowKernelTests
{
    [Fact]
    public void NarrowDotAndSum_ValuesPastTheEnd_AreNeverRead()
    {
        // n of a longer buffer whose tail is NaN: a read past n would make the result NaN.
        for (int n = 0; n <= 20; n++)
        {
            var x = Enumerable.Repeat(double.NaN, n + 8).ToArray();
            var y = Enumerable.Repeat(double.NaN, n + 8).ToArray();
            for (int i = 0; i < n; i++) (x[i], y[i]) = (i + 1, 0.5);
            double dot = Kernels.NarrowDot(ref MemoryMarshal.GetArrayDataReference(x), ref MemoryMarshal.GetArrayDataReference(y), (nuint)n);
            double sum = Kernels.NarrowSum(ref MemoryMarshal.GetArrayDataReference(x), (nuint)n);
            // Small integers and halves: exact in any order.
            Assert.Equal(n * (n + 1) / 4.0, dot);
            Assert.Equal(n * (n + 1) / 2.0, sum);
        }
    }

    [Fact]
    public void NarrowDotAndSum_EveryLengthAndMixedMagnitudes_EqualDotAndSumToTheBit()
    {
        var rng = GradFlow.Random.Generator.DefaultRng(17);
        for (int n = 0; n <= 100; n++)
            for (int trial = 0; trial < 3; trial++)
            {
                var x = new double[n];
                var y = new double[n];
                rng.Normal(0, 1, x);
                rng.Normal(0, 1, y);
                for (int i = 0; i < n; i++) x[i] *= Math.Pow(10, (i * 7 + trial) % 13 - 6);
                if (trial == 2 && n > 0) x.AsSpan().Fill(-0.0);
                double dot = Kernels.NarrowDot(ref MemoryMarshal.GetArrayDataReference(x), ref MemoryMarshal.GetArrayDataReference(y), (nuint)n);
                double sum = Kernels.NarrowSum(ref MemoryMarshal.GetArrayDataReference(x), (nuint)n);
                Assert.True(BitConverter.DoubleToInt64Bits(Kernels.Dot(x, y)) == BitConverter.DoubleToInt64Bits(dot), $"n {n}, trial {trial}: Dot {Kernels.Dot(x, y):R}, narrow {dot:R}");
                Assert.True(BitConverter.DoubleToInt64Bits(Kernels.Sum(x)) == BitConverter.DoubleToInt64Bits(sum), $"n {n}, trial {trial}: Sum {Kernels.Sum(x):R}, narrow {sum:R}");
            }
    }
}
