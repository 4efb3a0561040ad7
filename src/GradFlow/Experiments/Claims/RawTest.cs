using static GradFlow.Experiments.ClaimReads;

namespace GradFlow.Experiments;

/// <summary>
/// A comparison's test on its samples before any adjustment: p, the smallest p its sample sizes allow,
/// the effect, the bootstrap interval (against a threshold) and the measured values in words.
/// </summary>
internal sealed record RawTest(int N1, int N2, double P, double SmallestP, double Effect, string EffectName, double MeanDifference, BootstrapInterval? Interval, string Measured)
{
    public static RawTest Of(ClaimComparison c, ComparisonSamples s)
    {
        if (c.Test == ClaimTest.MannWhitney) return MannWhitneyOf(s);
        double[] d = c.Threshold is double t
            ? [.. s.First.Select(v => v - t)]
            : PairedDifferences.Of(s.First, s.Second);
        int n = d.Length;
        if (n == 0) return new RawTest(0, 0, 1.0, 1.0, 0.0, EffectNameOf(c.Test), 0.0, null, "no seeds to compare");

        // The most extreme outcome n pairs can give: every difference non-zero, of one sign, no two of one size.
        double[] extreme = [.. Enumerable.Range(1, n).Select(i => (double)i)];
        double p, smallest, effect;
        int above = d.Count(v => v > 0), below = d.Count(v => v < 0);
        if (c.Test == ClaimTest.Wilcoxon)
        {
            var w = WilcoxonSignedRank.Test(d);
            (p, effect, smallest) = (w.P, w.RankBiserial, WilcoxonSignedRank.Test(extreme).P);
        }
        else
        {
            var st = SignTest.Test(d);
            (p, effect, smallest) = (st.P, st.Effect, SignTest.Test(extreme).P);
        }

        if (c.Threshold is double threshold)
        {
            var ci = Bootstrap.MeanInterval(s.First, SweepStatistics.BootstrapSeed);
            string measured = $"{s.FirstName}: mean {F(ci.Mean)}, 95 % interval [{F(ci.Low)}, {F(ci.High)}], median {F(Quantile.Median(s.First))} against {F(threshold)}; above on {above} of {n} seeds, below on {below}";
            return new RawTest(n, 0, p, smallest, effect, EffectNameOf(c.Test), ci.Mean - threshold, ci, measured);
        }
        string pairs = $"{s.FirstName} median {F(Quantile.Median(s.First))}, {s.SecondName} median {F(Quantile.Median(s.Second))}; first above on {above} of {n} seeds, below on {below}";
        return new RawTest(n, n, p, smallest, effect, EffectNameOf(c.Test), s.First.Average() - s.Second.Average(), null, pairs);
    }

    private static RawTest MannWhitneyOf(ComparisonSamples s)
    {
        int n1 = s.First.Length, n2 = s.Second.Length;
        string name = EffectNameOf(ClaimTest.MannWhitney);
        if (n1 == 0 || n2 == 0) return new RawTest(n1, n2, 1.0, 1.0, 0.0, name, 0.0, null, "no seeds to compare");
        var test = MannWhitney.Test(s.First, s.Second);
        // The most extreme outcome: every value of one group above every value of the other, no ties.
        double smallest = MannWhitney.Test([.. Enumerable.Range(n2 + 1, n1).Select(i => (double)i)], [.. Enumerable.Range(1, n2).Select(i => (double)i)]).P;
        double meanA = s.First.Average(), meanB = s.Second.Average();
        string measured = $"{s.FirstName} mean {F(meanA)}, {s.SecondName} mean {F(meanB)} (difference {F(meanA - meanB)}; n = {n1}, {n2})";
        return new RawTest(n1, n2, test.P, smallest, test.RankBiserial, name, meanA - meanB, null, measured);
    }

    private static string EffectNameOf(ClaimTest test) => test switch
    {
        ClaimTest.MannWhitney => "rank-biserial",
        ClaimTest.Wilcoxon => "matched rank-biserial",
        _ => "sign effect",
    };
}
