using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// <see cref="VectorMath.SumOfLogs(ReadOnlySpan{double}, double)"/>: the same bits on its vector and scalar
/// paths for every length, close to a sum of Math.Log, and the special values of ln.
/// </summary>
public sealed class SumOfLogsTests
{
    private const double Floor = 1e-12;

    // |φ′|-like magnitudes in (0, 1]; ReLU's {0, 1}; values within 1e-6 of 1 (mean |ln| far below 1/64, so the
    // per-element path); a wide range of magnitudes; and the mixed inputs (NaN, ∞, negatives, subnormals).
    private static IEnumerable<(string Kind, double[] Values)> Samples()
    {
        var rng = new System.Random(23);
        yield return ("magnitudes", Enumerable.Range(0, 300).Select(_ => Math.Exp(-30 * rng.NextDouble())).ToArray());
        yield return ("relu", Enumerable.Range(0, 300).Select(_ => (double)rng.Next(2)).ToArray());
        yield return ("near one", Enumerable.Range(0, 300).Select(_ => 1 + (rng.NextDouble() - 0.5) * 1e-6).ToArray());
        yield return ("wide", Enumerable.Range(0, 300).Select(_ => Math.Exp(rng.NextDouble() * 1400 - 700)).ToArray());
        yield return ("mixed", Inputs.Mixed(300, seed: 29));
    }

    [Fact]
    public void SumOfLogs_EveryLengthAndStart_VectorPathEqualsScalarPathBitForBit()
    {
        foreach (var (kind, values) in Samples())
        {
            for (int length = 0; length <= 100; length++)
            {
                for (int start = 0; start < 3; start++)
                {
                    var x = values.AsSpan(start * 61, length);
                    double vector = VectorMath.SumOfLogs(x, Floor, vectorize: true);
                    double scalar = VectorMath.SumOfLogs(x, Floor, vectorize: false);
                    // Which of several NaNs an addition passes on is the hardware's choice: NaN is all that is promised.
                    if (double.IsNaN(scalar)) Assert.True(double.IsNaN(vector), $"{kind}, length {length}, start {start}: {vector:R}, not NaN");
                    else VectorMathTwinTests.AssertBits(scalar, vector, $"{kind}, length {length}, start {start}");
                }
            }
        }
    }

    [Fact]
    public void SumOfLogs_EveryLength_IsWithinAFewUlpsOfASumOfMathLog()
    {
        foreach (var (kind, values) in Samples().Where(s => s.Kind != "mixed"))
        {
            for (int length = 1; length <= 300; length++)
            {
                var x = values.AsSpan(0, length);
                double expected = 0;
                foreach (double v in x) expected += Math.Log(v + Floor);
                double actual = VectorMath.SumOfLogs(x, Floor);
                Assert.True(Math.Abs(actual - expected) <= 1e-14 * Math.Abs(expected) + 1e-300,
                    $"{kind}, length {length}: {actual:R}, a Math.Log sum gives {expected:R}");
            }
        }
    }

    // Each ln(1 + 1e-12 + δ) is tiny, so a product of mantissas would lose them all; the sum keeps its relative accuracy.
    [Fact]
    public void SumOfLogs_ArgumentsNearOne_KeepsRelativeAccuracy()
    {
        var x = Enumerable.Range(0, 7200).Select(i => 1e-9 * (1 + i % 7)).ToArray();
        double expected = x.Sum(v => Math.Log(1 + v));
        Assert.Equal(expected, VectorMath.SumOfLogs(x, 1.0), 1e-12 * expected);
    }

    [Fact]
    public void SumOfLogs_SpecialArguments_FollowLn()
    {
        Assert.Equal(0.0, VectorMath.SumOfLogs([], Floor));
        Assert.Equal(double.NegativeInfinity, VectorMath.SumOfLogs([0.5, 0.0, 2.0, 1.0, 3.0], 0.0));
        Assert.Equal(double.PositiveInfinity, VectorMath.SumOfLogs([0.5, double.PositiveInfinity, 2.0, 1.0, 3.0], 0.0));
        Assert.True(double.IsNaN(VectorMath.SumOfLogs([0.5, 1.0, 2.0, 1.0, double.NaN], Floor)));
        Assert.True(double.IsNaN(VectorMath.SumOfLogs([0.5, 1.0, -2.0, 1.0, 3.0], Floor)));
        Assert.True(double.IsNaN(VectorMath.SumOfLogs([0.0, double.PositiveInfinity], 0.0)));
        Assert.Equal(-744.4400719213812 * 2, VectorMath.SumOfLogs([double.Epsilon, double.Epsilon], 0.0), 1e-12);
    }

    [Fact]
    public void SumOfLogs_ManyTinyArguments_SumsExponentsExactly()
    {
        // 10⁵ arguments of 2^−1000: exponent sums far beyond a double's, exact in the integer sum.
        var x = Enumerable.Repeat(Math.ScaleB(1.0, -1000), 100_000).ToArray();
        Assert.Equal(-1000 * 100_000 * Math.Log(2), VectorMath.SumOfLogs(x, 0.0), 1e-15 * 1000 * 100_000);
    }
}
