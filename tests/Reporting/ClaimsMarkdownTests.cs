using GradFlow.Experiments;
using GradFlow.Reporting;
using GradFlow.Metrics;

namespace GradFlow.Tests.Reporting;

/// <summary>The report's "Claims" section on hand-made seeds: verdicts in words, and "not robust to new seeds".</summary>
public sealed class ClaimsMarkdownTests
{
    private static readonly AblationSpec Spec = Presets.Paper with { Name = "synthetic" };

    private static SettingKey Setting(string a) => new(a, "xavier", 1.0);

    private static readonly Claim Probe = new("t", "a rises above b.", "any folder", ["m"], "Wilcoxon signed-rank of a − b", "a above", "matched rank-biserial", _ => true,
        [new ClaimComparison("a vs b", ClaimTest.Wilcoxon, Expectation.Greater, ClaimReads.PairedFinals(Setting("a"), Setting("b"), "m"))]);

    private static readonly Claim Elsewhere = Probe with { Id = "u", Configuration = _ => false };

    /// <summary>Ten seeds; on "rising" seeds a − b grows with the seed (all positive), otherwise it alternates in sign.</summary>
    private static IReadOnlyList<ClaimResult> Decided(bool rising)
    {
        var runs = new List<RunResult>();
        for (int s = 0; s < 10; s++)
        {
            double b = 1.0 + s / 100.0, a = rising ? b + 0.1 * (s + 1) : b + (s % 2 == 0 ? 0.1 : -0.1) * (s + 1);
            runs.Add(Run("a", s, a));
            runs.Add(Run("b", s, b));
        }
        return ClaimEvaluator.Evaluate([Probe, Elsewhere], SeedValues.Of(Spec, runs));
    }

    private static RunResult Run(string activation, int seed, double value)
    {
        var log = new RunLog(["m"], 1);
        log.Append(0)[0] = value;
        return new RunResult(Setting(activation).WithSeed((ulong)seed), log, null);
    }

    [Fact]
    public void Section_HoldingClaim_SaysItHoldsWithTheTestAndNamesNotApplicableOnes()
    {
        string md = ClaimsMarkdown.Section(Decided(rising: true));
        Assert.StartsWith("## Claims\n", md);
        Assert.Contains("**Claim t holds**: a rises above b.", md);
        Assert.Contains("- a vs b: **holds** — as stated (Wilcoxon signed-rank p = 0.002, Holm p = 0.002", md);
        Assert.Contains("Not applicable here: claim u (the folder was not run with any folder)", md);
        Assert.DoesNotContain("not robust", md);
    }

    [Fact]
    public void Section_ClaimWithoutSignificance_SaysWhatTheDataSupport()
    {
        string md = ClaimsMarkdown.Section(Decided(rising: false));
        Assert.Contains("**Claim t does not hold**", md);
        Assert.Contains("- a vs b: **does not hold** — no significant difference (Holm p = ", md);
    }

    [Fact]
    public void Section_HeldOnStudySeedsButNotOnThese_IsMarkedNotRobustToNewSeeds()
    {
        string md = ClaimsMarkdown.Section(Decided(rising: false), studySeeds: Decided(rising: true));
        Assert.Contains("**Claim t does not hold** (not robust to new seeds)", md);
        Assert.Contains("- a vs b: **does not hold** — **not robust to new seeds** (it holds on the study's seeds, not on these); what these seeds support instead: no significant difference", md);
    }

    [Fact]
    public void Section_HeldOnBoth_IsNotMarked()
    {
        Assert.DoesNotContain("not robust", ClaimsMarkdown.Section(Decided(rising: true), studySeeds: Decided(rising: true)));
    }

    [Fact]
    public void Section_NoApplicableClaim_SaysSo()
    {
        string md = ClaimsMarkdown.Section(ClaimEvaluator.Evaluate([Elsewhere], SeedValues.Of(Spec, [])));
        Assert.Contains("No claim of the study applies to this folder's configuration.", md);
    }
}
