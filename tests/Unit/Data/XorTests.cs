using GradFlow.Data;

namespace GradFlow.Tests.Unit.Data;

/// <summary>
/// The noisy XOR generator and its split. These tests use the generator's API, never its particular
/// numbers: the clean points are recovered by generating the same seed with noise 0, which draws the
/// same uniform stream first.
/// </summary>
public sealed class XorTests
{
    private static bool XorLabel(double x1, double x2) => x1 * x2 < 0;

    private static int CountLabelMismatches(Dataset data)
    {
        int mismatches = 0;
        for (int i = 0; i < data.Count; i++)
        {
            var row = data.Row(i);
            if ((data.Y[i] == 1.0) != XorLabel(row[0], row[1])) mismatches++;
        }
        return mismatches;
    }

    [Fact]
    public void Generate_ZeroNoise_LabelIsOneExactlyWhereProductIsNegative()
    {
        var data = Xor.Generate(500, 0.0, 3);

        Assert.Equal(0, CountLabelMismatches(data));
        Assert.All(data.Y, y => Assert.True(y is 0.0 or 1.0));
    }

    [Fact]
    public void Generate_ZeroNoise_PointsLieInTheSquare()
    {
        var data = Xor.Generate(500, 0.0, 3);

        Assert.All(data.X, v => Assert.InRange(v, -1.0, 1.0));
    }

    [Fact]
    public void Generate_WithNoise_LabelsAreThoseOfTheCleanPoints()
    {
        var clean = Xor.Generate(2000, 0.0, 5);
        var noisy = Xor.Generate(2000, 0.3, 5);

        Assert.Equal(clean.Y, noisy.Y);
        // And noise does push some points across an axis, so this is not the relabelled rule in disguise.
        Assert.True(CountLabelMismatches(noisy) > 0);
    }

    [Fact]
    public void Generate_RelabelAfterNoise_LabelsFollowTheNoisyPoints()
    {
        var data = Xor.Generate(2000, 0.3, 5, relabelAfterNoise: true);

        Assert.Equal(0, CountLabelMismatches(data));
    }

    [Fact]
    public void Generate_RelabelAfterNoise_KeepsTheSamePoints()
    {
        var labelledFirst = Xor.Generate(300, 0.1, 9);
        var relabelled = Xor.Generate(300, 0.1, 9, relabelAfterNoise: true);

        Assert.Equal(labelledFirst.X, relabelled.X);
    }

    [Fact]
    public void Generate_PositiveNoise_MovesEveryCoordinate()
    {
        var clean = Xor.Generate(1000, 0.0, 21);
        var noisy = Xor.Generate(1000, 0.1, 21);

        int unmoved = 0;
        for (int i = 0; i < clean.X.Length; i++)
            if (clean.X[i] == noisy.X[i]) unmoved++;
        Assert.Equal(0, unmoved);
    }

    /// <summary>
    /// The displacement noisy − clean is N(0, σ²) in each of the 2n coordinates. With N = 2n draws the
    /// sample std has relative standard error ≈ 1/√(2N) and the sample mean a standard error σ/√N;
    /// both are asserted to five standard errors.
    /// </summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void Generate_Noise_DisplacementHasStdSigmaAndMeanZero(double sigma)
    {
        const int n = 20000;
        var clean = Xor.Generate(n, 0.0, 8);
        var noisy = Xor.Generate(n, sigma, 8);

        int count = 2 * n;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < count; i++)
        {
            double d = noisy.X[i] - clean.X[i];
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / count;
        double std = Math.Sqrt((sumSq - count * mean * mean) / (count - 1));

        Assert.InRange(std / sigma, 1 - 5 / Math.Sqrt(2.0 * count), 1 + 5 / Math.Sqrt(2.0 * count));
        Assert.InRange(mean, -5 * sigma / Math.Sqrt(count), 5 * sigma / Math.Sqrt(count));
    }

    [Fact]
    public void Generate_SameSeed_SameData()
    {
        var a = Xor.Generate(100, 0.1, 17);
        var b = Xor.Generate(100, 0.1, 17);

        Assert.Equal(a.X, b.X);
        Assert.Equal(a.Y, b.Y);
    }

    [Fact]
    public void Generate_Shape_IsNRowsOfTwoFeatures()
    {
        var data = Xor.Generate(37, 0.1, 1);

        Assert.Equal(37, data.Count);
        Assert.Equal(2, data.Features);
        Assert.Equal(74, data.X.Length);
    }

    [Fact]
    public void Split_300AtAQuarter_Gives225TrainAnd75Test()
    {
        var split = Xor.Split(Xor.Generate(300, 0.1, 0), 0.25, 0);

        Assert.Equal(225, split.Train.Count);
        Assert.Equal(75, split.Test.Count);
    }

    // n·testSize exactly halfway rounds to even, as Python's round(): 2.5 → 2, 3.5 → 4, 1.5 → 2, 0.5 → 0.
    [Theory]
    [InlineData(10, 0.25, 2)]
    [InlineData(14, 0.25, 4)]
    [InlineData(6, 0.25, 2)]
    [InlineData(2, 0.25, 0)]
    [InlineData(7, 0.3, 2)] // 2.1 → 2
    [InlineData(9, 0.3, 3)] // 2.7 → 3
    public void Split_TestSize_IsNTimesTestSizeRoundedHalfToEven(int n, double testSize, int expectedTest)
    {
        var split = Xor.Split(Xor.Generate(n, 0.1, 0), testSize, 0);

        Assert.Equal(expectedTest, split.Test.Count);
        Assert.Equal(n - expectedTest, split.Train.Count);
    }

    [Theory]
    [InlineData(10, 0.25, 2)]
    [InlineData(14, 0.25, 4)]
    [InlineData(300, 0.0, 0)]
    [InlineData(300, 0.25, 75)]
    public void TestRows_NTimesTestSize_RoundsHalfToEvenAsTheSplitDoes(int n, double testSize, int expected)
    {
        Assert.Equal(expected, Xor.TestRows(n, testSize));
        Assert.Equal(expected, Xor.Split(Xor.Generate(n, 0.1, 0), testSize, 0).Test.Count);
    }

    /// <summary>Rows tagged by their index (x1 = i) so that the split's parts can be traced back.</summary>
    private static Dataset Indexed(int n)
    {
        var x = new double[2 * n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = i % 3 == 0 ? 1 : 0;
        }
        return Dataset.Create(x, y, 2);
    }

    [Fact]
    public void Split_TrainAndTest_TogetherHoldEveryRowExactlyOnce()
    {
        const int n = 101;
        var split = Xor.Split(Indexed(n), 0.25, 4);

        var seen = new int[n];
        foreach (var part in new[] { split.Train, split.Test })
            for (int r = 0; r < part.Count; r++) seen[(int)part.Row(r)[0]]++;
        Assert.All(seen, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Split_EveryRow_KeepsItsFeaturesAndLabelTogether()
    {
        var split = Xor.Split(Indexed(60), 0.25, 4);

        foreach (var part in new[] { split.Train, split.Test })
            for (int r = 0; r < part.Count; r++)
            {
                int i = (int)part.Row(r)[0];
                Assert.Equal(-i, part.Row(r)[1]);
                Assert.Equal(i % 3 == 0 ? 1.0 : 0.0, part.Y[r]);
            }
    }

    [Fact]
    public void Split_ZeroTestSize_AllRowsTrainInGenerationOrder()
    {
        var data = Indexed(40);

        var split = Xor.Split(data, 0.0, 4);

        Assert.False(split.HasTest);
        Assert.Equal(0, split.Test.Count);
        Assert.Equal(data.X, split.Train.X);
        Assert.Equal(data.Y, split.Train.Y);
    }

    [Fact]
    public void Split_ZeroTestSize_TestPartHoldsNoValuesAndTheSameWidth()
    {
        var split = Xor.Split(Indexed(8), 0.0, 4);

        Assert.Empty(split.Test.X);
        Assert.Empty(split.Test.Y);
        Assert.Equal(2, split.Test.Features);
    }

    // "0 with no split": a size that holds nothing out gives no rows, whatever n·testSize rounds to.
    [Theory]
    [InlineData(10, -0.25)]
    [InlineData(10, -0.0)]
    [InlineData(7, -1.0)]
    public void TestRows_NoPositiveTestSize_IsZero(int n, double testSize) =>
        Assert.Equal(0, Xor.TestRows(n, testSize));

    [Fact]
    public void Generate_MaxNoise_IsAcceptedAndEveryPointFinite()
    {
        var data = Xor.Generate(50, Xor.MaxNoise, 5);

        Assert.All(data.X, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(1e300, Xor.MaxNoise);
    }

    [Fact]
    public void Split_SameSeed_SameSplit()
    {
        var data = Indexed(50);

        var a = Xor.Split(data, 0.25, 12);
        var b = Xor.Split(data, 0.25, 12);

        Assert.Equal(a.Test.X, b.Test.X);
        Assert.Equal(a.Train.X, b.Train.X);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Generate_NonPositiveN_ThrowsNamingN(int n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Xor.Generate(n, 0.1, 0));

        Assert.Equal("n", e.ParamName);
        Assert.Contains("n must be positive", e.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e308)] // finite, but the noisy points would overflow to infinity
    public void Generate_BadNoise_ThrowsSayingWhatIsAccepted(double noise)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Xor.Generate(10, noise, 0));

        Assert.Equal("noise", e.ParamName);
        Assert.Contains("finite number >= 0", e.Message);
    }

    [Theory]
    [InlineData(-0.25)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Split_BadTestSize_ThrowsSayingWhatIsAccepted(double testSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Xor.Split(Indexed(10), testSize, 0));

        Assert.Equal("testSize", e.ParamName);
        Assert.Contains("[0, 1)", e.Message);
    }
}
