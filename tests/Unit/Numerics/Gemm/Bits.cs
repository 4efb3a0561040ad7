namespace GradFlow.Tests.Unit.Numerics.Gemm;

internal static class Bits
{
    /// <summary>Fails unless the two doubles have the same 64 bits (so −0 ≠ +0 and a NaN payload counts).</summary>
    public static void Same(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");
}
