using GradFlow.Experiments;

namespace GradFlow.Tests.Experiments;

/// <summary>Asserts the evaluator's verdicts; a failure names the claim, the comparison, the statistic and the measured values.</summary>
internal static class Claim
{
    public static ClaimResult Of(IReadOnlyList<ClaimResult> results, string id) => results.Single(r => r.Claim.Id == id);

    public static void Is(ClaimVerdict expected, ClaimResult result)
    {
        if (result.Verdict != expected)
            Assert.Fail($"claim {result.Claim.Id} is {result.Verdict}, expected {expected}: {result.Claim.Statement}\n  {result.Reason}\n{Evidence(result)}");
    }

    /// <summary>The verdict of each comparison named in <paramref name="expected"/>; every other comparison of the claim must hold.</summary>
    public static void ComparisonsAre(ClaimResult result, IReadOnlyDictionary<string, ClaimVerdict> expected)
    {
        foreach (var c in result.Comparisons)
        {
            var want = expected.TryGetValue(c.Setting, out var v) ? v : ClaimVerdict.Holds;
            if (c.Verdict != want)
                Assert.Fail($"claim {result.Claim.Id}, {c.Setting}: {c.Verdict}, expected {want}: {result.Claim.Statement}\n  statistic: {result.Claim.Statistic}\n{Line(c)}");
        }
        foreach (var name in expected.Keys)
            Assert.Contains(result.Comparisons, c => c.Setting == name);
    }

    public static string Evidence(ClaimResult result) => string.Join("\n", result.Comparisons.Select(Line));

    private static string Line(ComparisonResult c) =>
        $"  {c.Setting}: {c.Test} p {F(c.P)}, Holm {F(c.AdjustedP)}, {c.EffectName} {F(c.Effect)} → {c.Verdict}; {c.Measured}";

    /// <summary>Decides a claim the evaluator does not declare (the curvature claims); a failure names it, the values and the statistic.</summary>
    public static void Holds(bool condition, string claim, string evidence)
    {
        if (!condition) Assert.Fail($"claim no longer holds: {claim}\n  measured: {evidence}");
    }

    public static string F(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
