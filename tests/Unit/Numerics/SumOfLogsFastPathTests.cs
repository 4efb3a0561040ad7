using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// The documented fast path of <see cref="VectorMath.SumOfLogs(ReadOnlySpan{double}, double)"/> where it is
/// promised (positive normal arguments, mean |ln| ≥ 1/64): powers of two make every mantissa product exactly 1,
/// so lane j is its exact exponent sum E_j times ln 2, rounded once, and the lanes add as (l0 + l1) + (l2 + l3).
/// A sum of each argument's rounded log would round 16 times per lane instead.
/// </summary>
public sealed class SumOfLogsFastPathTests
{
    // ln 2 as a double and the rest (fdlibm's split): E·ln 2 rounds correctly through one fused multiply-add for |E| ≪ 2^20.
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Lo = 2.3190468138462996e-17;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SumOfLogs_PowersOfTwo_IsEachLanesExponentSumTimesLn2RoundedOnce(bool vectorize)
    {
        const int n = 64;
        var x = new double[n];
        var lanes = new long[4];
        for (int i = 0; i < n; i++)
        {
            int e = -(1 + i % 13);
            x[i] = Math.ScaleB(1.0, e);
            lanes[i % 4] += e;
        }
        var l = lanes.Select(e => Math.FusedMultiplyAdd(e, Ln2Hi, e * Ln2Lo)).ToArray();
        double expected = (l[0] + l[1]) + (l[2] + l[3]);

        double actual = VectorMath.SumOfLogs(x, 0.0, vectorize);

        VectorMathTwinTests.AssertBits(expected, actual, $"Σ ln 2^e, vectorize {vectorize}");
    }
}
