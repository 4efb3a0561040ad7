using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

public sealed class DotsTests
{
    [Fact]
    public void Dots_AnyLengthAndRowCount_EqualsOneDotPerRowToTheBit()
    {
        var rng = GradFlow.Random.Generator.DefaultRng(11);
        foreach (int count in new[] { 0, 1, 3, 4, 5, 8, 9, 16, 17 })
            for (int n = 0; n <= 70; n++)
            {
                var x = new double[n];
                var rows = new double[count * n];
                rng.Normal(0, 10, x);
                rng.Normal(0, 10, rows);
                var actual = new double[count];
                Kernels.Dots(x, rows, actual);
                for (int j = 0; j < count; j++)
                {
                    double expected = Kernels.Dot(x, rows.AsSpan(j * n, n));
                    Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual[j]),
                        $"{count} rows of {n}, row {j}: Dot gives {expected:R}, Dots {actual[j]:R}");
                }
            }
    }

    [Fact]
    public void Dots_TooFewRowValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => Kernels.Dots(new double[5], new double[9], new double[2]));
    }
}
