using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>Where the band pass starts (at <see cref="Selection.BandMinimum"/> values) and when its sample doubles (512 values from 16,384 on).</summary>
public sealed class SelectionBandEdgeTests
{
    private static double[] Uniform(int n, int seed)
    {
        var rng = new System.Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
    }

    [Fact]
    public void TryBand_OneValueFewerThanTheMinimum_DoesNotTry()
    {
        var values = Uniform(Selection.BandMinimum - 1, 6);
        var before = values.ToArray();
        Assert.Equal(Selection.BandOutcome.None, Selection.TryBand(values, 1000, 1000, wantNext: true, out _, out _, out _));
        Assert.Equal(before, values);
    }

    [Fact]
    public void TryBand_ExactlyTheMinimum_FindsTheBand()
    {
        var values = Uniform(Selection.BandMinimum, 6);
        var sorted = values.OrderBy(x => x).ToArray();
        var outcome = Selection.TryBand(values, 1023, 1023, wantNext: true, out int below, out int width, out _);
        Assert.Equal(Selection.BandOutcome.Band, outcome);
        var band = values[..width].OrderBy(x => x).ToArray();
        Assert.Equal(sorted[1023], band[1023 - below]);
    }

    [Fact]
    public void TryBand_From16384Values_SamplesTheOddMultiplesOfSixteen()
    {
        // 512 sample positions (2t + 1)·16384/1024 = 32t + 16; the 256 of a smaller sample would be 64t + 32.
        // Outliers at the latter leave the larger sample clean, so the band around the median is found.
        const int n = 16384;
        var values = Uniform(n, 7);
        for (int t = 0; t < 256; t++) values[64 * t + 32] = 1e6 + t;
        var sorted = values.OrderBy(x => x).ToArray();
        var outcome = Selection.TryBand(values, n / 2, n / 2, wantNext: true, out int below, out int width, out _);
        Assert.Equal(Selection.BandOutcome.Band, outcome);
        var band = values[..width].OrderBy(x => x).ToArray();
        Assert.Equal(sorted[n / 2], band[n / 2 - below]);
        Assert.Equal(sorted[n / 2 + 1], band[n / 2 + 1 - below]);
    }
}
