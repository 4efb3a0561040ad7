using GradFlow.Experiments;
using GradFlow.Numerics;
using GradFlow.Random;

namespace GradFlow.Tests.Unit.Statistics;

/// <summary>Bootstrap.MeanInterval: properties of the percentile bootstrap, not remembered numbers.</summary>
public sealed class BootstrapTests
{
    private static double[] NormalSample(int n, double mean, double sd, UInt128 seed)
    {
        var values = new double[n];
        Generator.DefaultRng(seed).Normal(mean, sd, values);
        return values;
    }

    [Fact]
    public void MeanInterval_TypicalData_ContainsSampleMean()
    {
        double[] values = NormalSample(20, 0.9, 0.03, seed: 1);
        var ci = Bootstrap.MeanInterval(values, seed: 7);
        Assert.Equal(values.Average(), ci.Mean, 1e-14);
        Assert.True(ci.Low < ci.Mean && ci.Mean < ci.High, $"[{ci.Low:R}, {ci.High:R}] misses mean {ci.Mean:R}");
    }

    [Fact]
    public void MeanInterval_LargerSample_IsNarrower()
    {
        // Width shrinks like 1/√n: n = 40 should be about half as wide as n = 10.
        var small = Bootstrap.MeanInterval(NormalSample(10, 0.0, 1.0, seed: 3), seed: 11);
        var large = Bootstrap.MeanInterval(NormalSample(40, 0.0, 1.0, seed: 4), seed: 11);
        Assert.True(large.High - large.Low < small.High - small.Low,
            $"n=40 width {large.High - large.Low:R} not below n=10 width {small.High - small.Low:R}");
    }

    [Fact]
    public void MeanInterval_HigherLevel_IsWider()
    {
        double[] values = NormalSample(25, 0.0, 1.0, seed: 5);
        var ci95 = Bootstrap.MeanInterval(values, seed: 2);
        var ci99 = Bootstrap.MeanInterval(values, seed: 2, level: 0.99);
        Assert.True(ci99.Low < ci95.Low && ci95.High < ci99.High);
    }

    [Fact]
    public void MeanInterval_SameSeed_GivesSameInterval()
    {
        double[] values = NormalSample(15, 0.8, 0.05, seed: 6);
        Assert.Equal(Bootstrap.MeanInterval(values, seed: 42), Bootstrap.MeanInterval(values, seed: 42));
    }

    [Fact]
    public void MeanInterval_DifferentSeed_GivesSlightlyDifferentInterval()
    {
        double[] values = NormalSample(15, 0.8, 0.05, seed: 6);
        var a = Bootstrap.MeanInterval(values, seed: 42);
        var b = Bootstrap.MeanInterval(values, seed: 43);
        Assert.False(a.Low == b.Low && a.High == b.High, "two seeds gave the very same interval");
        double width = a.High - a.Low;
        Assert.True(Math.Abs(a.Low - b.Low) < 0.1 * width && Math.Abs(a.High - b.High) < 0.1 * width,
            "10,000 resamples should pin the ends to well within a tenth of the width");
    }

    [Fact]
    public void MeanInterval_ConstantData_IsExactlyThatConstant()
    {
        // 0.1 summed seven times and divided by seven is not 0.1 in floating point; the interval must be.
        double[] values = Enumerable.Repeat(0.1, 7).ToArray();
        var ci = Bootstrap.MeanInterval(values, seed: 9);
        Assert.Equal(0.1, ci.Mean);
        Assert.Equal(0.1, ci.Low);
        Assert.Equal(0.1, ci.High);
    }

    [Fact]
    public void MeanInterval_Defaults_ReportTenThousandResamplesAtNinetyFivePercent()
    {
        var ci = Bootstrap.MeanInterval([1.0, 2.0, 4.0], seed: 1);
        Assert.Equal(10_000, ci.Resamples);
        Assert.Equal(0.95, ci.Level);
    }

    [Fact]
    public void MeanInterval_Ends_AreNumPyPercentilesOfTheDocumentedResampleMeans()
    {
        // Re-derive the resample means from the documented draw protocol, independently of Bootstrap.
        double[] values = [0.91, 0.95, 0.87, 0.99, 0.93, 0.96];
        const int resamples = 500;
        var rng = Generator.DefaultRng(123);
        var means = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (int k = 0; k < values.Length; k++) sum += values[(int)(rng.Random() * values.Length)];
            means[r] = sum / values.Length;
        }
        var ci = Bootstrap.MeanInterval(values, seed: 123, resamples: resamples);
        Assert.Equal(Percentile.Of(means, 2.5), ci.Low, 1e-14);
        Assert.Equal(Percentile.Of(means, 97.5), ci.High, 1e-14);
    }

    [Fact]
    public void MeanInterval_SyntheticSamples_CoverTrueMeanAtAboutNominalRate()
    {
        const int trials = 200, n = 30;
        const double trueMean = 0.7, nominal = 0.95;
        int covered = 0;
        for (int i = 0; i < trials; i++)
        {
            var ci = Bootstrap.MeanInterval(NormalSample(n, trueMean, 0.1, seed: (UInt128)i), seed: (UInt128)(10_000 + i));
            if (ci.Low <= trueMean && trueMean <= ci.High) covered++;
        }
        // Binomial sd of the observed rate at the nominal 95 %; the percentile bootstrap also undercovers
        // by O(1/n) (its spread uses the 1/n variance and normal quantiles: ≈ 93.6 % at n = 30 for
        // normal data), allowed for by 2 points below.
        double sd = Math.Sqrt(nominal * (1 - nominal) / trials);
        double lower = nominal - 0.02 - 3 * sd, upper = nominal + 3 * sd;
        double rate = covered / (double)trials;
        Assert.True(rate >= lower && rate <= upper, $"coverage {rate:P1} outside [{lower:P1}, {upper:P1}]");
    }

    [Fact]
    public void MeanInterval_EmptySample_Throws()
    {
        Assert.Throws<ArgumentException>(() => Bootstrap.MeanInterval([], seed: 1));
    }

    [Fact]
    public void MeanInterval_LevelOutsideOpenUnitInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MeanInterval([1.0, 2.0], seed: 1, level: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MeanInterval([1.0, 2.0], seed: 1, level: 0.0));
    }

    [Fact]
    public void MeanInterval_EmptySample_ThrowsNamingValues()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.MeanInterval([], seed: 1));
        Assert.Equal("values", e.ParamName);
        Assert.Equal("the sample is empty; a bootstrap needs at least one value (Parameter 'values')", e.Message);
    }

    [Fact]
    public void MeanInterval_ZeroResamples_ThrowsNamingResamples()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MeanInterval([1.0, 2.0], seed: 1, resamples: 0));
        Assert.Equal("resamples", e.ParamName);
        Assert.Equal(0, e.ActualValue);
        Assert.Equal("at least one resample is needed (Parameter 'resamples')" + Environment.NewLine + "Actual value was 0.", e.Message);
    }

    [Fact]
    public void MeanInterval_OneResample_IsThatResampleMeanAtBothEnds()
    {
        // One resample of a constant sample: its mean is the constant, and both percentiles of one value are it.
        var r = Bootstrap.MeanInterval([4.0, 4.0, 4.0], seed: 7, resamples: 1);
        Assert.Equal(1, r.Resamples);
        Assert.Equal(4.0, r.Low);
        Assert.Equal(4.0, r.High);
    }

    [Fact]
    public void MeanInterval_LevelOne_ThrowsNamingLevel()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MeanInterval([1.0, 2.0], seed: 1, level: 1.0));
        Assert.Equal("level", e.ParamName);
        Assert.Equal("the level must lie in (0, 1) (Parameter 'level')" + Environment.NewLine + "Actual value was 1.", e.Message);
    }
}
