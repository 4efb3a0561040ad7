using static GradFlow.Experiments.ClaimReads;

namespace GradFlow.Experiments;

/// <summary>
/// Decides claims on a folder's seeds. Per claim: each comparison's test gives a raw two-sided p; the p
/// of the claim's comparisons are Holm-adjusted together; a comparison holds when its adjusted p is below
/// α with the effect in the stated direction (and, against a threshold, the 95 % bootstrap interval of
/// the mean beyond it), or for "alike" when the adjusted p is not below α and the means differ by less
/// than the margin. A comparison is inconclusive when m·p_min > α: p_min, the p of the most extreme
/// outcome its seeds could give, times the m comparisons Holm adjusts for (the factor of the smallest p),
/// would miss α even then. A claim holds when every comparison holds, does not hold when one that could
/// be decided does not, and is otherwise inconclusive.
/// </summary>
public static class ClaimEvaluator
{
    public static IReadOnlyList<ClaimResult> Evaluate(ISeedValues input) => Evaluate(StudyClaims.All, input);

    public static IReadOnlyList<ClaimResult> Evaluate(IEnumerable<Claim> claims, ISeedValues input) =>
        [.. claims.Select(c => Evaluate(c, input))];

    public static ClaimResult Evaluate(Claim claim, ISeedValues input)
    {
        if (!claim.Configuration(input.Spec))
            return new ClaimResult(claim, ClaimVerdict.NotApplicable, $"the folder was not run with {claim.AppliesTo}", []);
        var samples = claim.Comparisons.Select(c => c.Read(input)).ToArray();
        int missing = Array.IndexOf(samples, null);
        if (missing >= 0)
            return new ClaimResult(claim, ClaimVerdict.NotApplicable, $"the folder lacks a setting or metric of '{claim.Comparisons[missing].Setting}'", []);

        var raw = claim.Comparisons.Select((c, i) => RawTest.Of(c, samples[i]!)).ToArray();
        double[] adjusted = HolmBonferroni.Adjust([.. raw.Select(r => r.P)]);
        int m = raw.Length;
        var results = new ComparisonResult[m];
        for (int i = 0; i < m; i++)
        {
            var c = claim.Comparisons[i];
            var r = raw[i];
            var verdict = m * r.SmallestP > claim.Alpha ? ClaimVerdict.Inconclusive : Decide(c, r, adjusted[i], claim.Alpha);
            results[i] = new ComparisonResult(c.Setting, c.Test, r.N1, r.N2, r.P, adjusted[i], r.Effect, r.EffectName, r.Interval, verdict, r.Measured);
        }

        if (results.Any(r => r.Verdict == ClaimVerdict.DoesNotHold))
        {
            var against = results.Where(r => r.Verdict == ClaimVerdict.DoesNotHold).Select(r => r.Setting);
            return new ClaimResult(claim, ClaimVerdict.DoesNotHold, $"does not hold for {string.Join("; ", against)}", results);
        }
        if (results.Any(r => r.Verdict == ClaimVerdict.Inconclusive))
        {
            int seeds = results.Min(r => Math.Max(r.N1, r.N2));
            return new ClaimResult(claim, ClaimVerdict.Inconclusive,
                $"too few seeds ({seeds}) for {m} Holm-adjusted comparison{(m == 1 ? "" : "s")} to reach α = {F(claim.Alpha)}", results);
        }
        return new ClaimResult(claim, ClaimVerdict.Holds, $"all {m} comparison{(m == 1 ? "" : "s")} at α = {F(claim.Alpha)} after Holm's adjustment", results);
    }

    private static ClaimVerdict Decide(ClaimComparison c, RawTest r, double adjusted, double alpha)
    {
        bool holds = c.Expect switch
        {
            Expectation.Greater => adjusted < alpha && r.Effect > 0 && (r.Interval is null || r.Interval.Low > c.Threshold),
            Expectation.Less => adjusted < alpha && r.Effect < 0 && (r.Interval is null || r.Interval.High < c.Threshold),
            _ => adjusted >= alpha && (c.Margin is not double margin || Math.Abs(r.MeanDifference) < margin),
        };
        return holds ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold;
    }
}
