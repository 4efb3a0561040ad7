using System.Globalization;

namespace GradFlow.Experiments;

/// <summary>Claims and their comparisons in words: the verdicts, and what the data support where a claim does not hold.</summary>
public static class ClaimWords
{
    public static string Verdict(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Holds => "holds",
        ClaimVerdict.DoesNotHold => "does not hold",
        ClaimVerdict.Inconclusive => "inconclusive",
        _ => "not applicable",
    };

    public static string Test(ClaimTest test) => test switch
    {
        ClaimTest.MannWhitney => "Mann–Whitney U",
        ClaimTest.Wilcoxon => "Wilcoxon signed-rank",
        _ => "sign test",
    };

    /// <summary>
    /// What one comparison shows, e.g. "no significant difference (Holm p = 0.066 ≥ α = 0.05)" or "the
    /// 95 % interval [0.002, 0.024] of the mean reaches 0.01", followed by the measured values.
    /// </summary>
    public static string Finding(Claim claim, ClaimComparison declared, ComparisonResult result)
    {
        string p = $"{Test(result.Test)} p = {P(result.P)}, Holm p = {P(result.AdjustedP)}, {result.EffectName} {F(result.Effect)}";
        string what = result.Verdict switch
        {
            ClaimVerdict.Holds => "as stated",
            ClaimVerdict.Inconclusive => $"too few seeds to reach α = {F(claim.Alpha)}",
            _ => Against(claim, declared, result),
        };
        return $"{what} ({p}); {result.Measured}";
    }

    private static string Against(Claim claim, ClaimComparison c, ComparisonResult r)
    {
        bool significant = r.AdjustedP < claim.Alpha;
        string alpha = F(claim.Alpha);
        if (c.Expect == Expectation.Alike)
            return significant
                ? $"they differ significantly (Holm p = {P(r.AdjustedP)} < α = {alpha})"
                : $"no significant difference, but the means differ by at least the margin {F(c.Margin ?? 0)}";
        bool wrongWay = c.Expect == Expectation.Greater ? r.Effect <= 0 : r.Effect >= 0;
        if (significant && wrongWay) return "significant in the opposite direction";
        if (!significant) return $"no significant difference (Holm p = {P(r.AdjustedP)} ≥ α = {alpha})";
        return r.Interval is { } ci
            ? $"the ranks favour the statement, but the 95 % interval [{F(ci.Low)}, {F(ci.High)}] of the mean reaches {F(c.Threshold ?? 0)}"
            : "not as stated";
    }

    public static string P(double p) => p < 1e-4 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);

    public static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
