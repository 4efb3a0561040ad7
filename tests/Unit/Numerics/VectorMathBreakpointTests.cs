using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// atan exactly at its four reduction breakpoints 7/16, 11/16, 19/16 and 39/16 (each the first point of
/// the next interval): the scalar and the vector kernel give the same bits there, lane by lane, in a vector
/// of one breakpoint and in vectors that mix them, and stay within the documented 2 ulp of Math.Atan.
/// </summary>
public sealed class VectorMathBreakpointTests
{
    private static readonly double[] Breaks = [7.0 / 16, 11.0 / 16, 19.0 / 16, 39.0 / 16];

    [Fact]
    public void Atan_ExactlyAtEachBreakpoint_ScalarAndVectorLanesAgreeBitForBit()
    {
        foreach (double b in Breaks)
            foreach (double x in new[] { b, -b })
            {
                double scalar = VectorMath.Atan(x);
                Assert.True(Ulp.Distance(Math.Atan(x), scalar) <= 2, $"atan({x:R}) = {scalar:R}, Math.Atan {Math.Atan(x):R}");
                var uniform = VectorMath.Atan(Vector256.Create(x));
                for (int lane = 0; lane < 4; lane++)
                    VectorMathTwinTests.AssertBits(scalar, uniform.GetElement(lane), $"Atan({x:R}) lane {lane} of a uniform vector");
            }
        var mixed = new[] { Breaks[0], -Breaks[1], Breaks[2], -Breaks[3] };
        var value = VectorMath.Atan(Vector256.Create(mixed));
        for (int lane = 0; lane < 4; lane++)
            VectorMathTwinTests.AssertBits(VectorMath.Atan(mixed[lane]), value.GetElement(lane), $"Atan({mixed[lane]:R}) lane {lane} of a mixed vector");
    }
}
