using System.Text;
using static System.FormattableString;
using GradFlow.Experiments;

namespace GradFlow.Reporting;

/// <summary>
/// The "Claims" section of report.md: each claim that applies to the folder, its verdict and each comparison
/// in words. Given the same claims decided on the study's own seeds, a comparison that held there but not
/// on this folder's seeds is marked "not robust to new seeds", with what the data support instead.
/// </summary>
public static class ClaimsMarkdown
{
    public static string Section(IReadOnlyList<ClaimResult> claims, IReadOnlyList<ClaimResult>? studySeeds = null)
    {
        var md = new StringBuilder("## Claims\n\n");
        md.Append("The study's claims, decided on this folder's seeds with a statistic across seeds (also in `claims.csv`; ")
          .Append("`gradflow claims --results <folder>` decides them again). The p-values of one claim's comparisons are ")
          .Append("Holm–Bonferroni adjusted together and the words follow the adjusted ones; α = 0.05 unless a claim says otherwise. ")
          .Append("A claim is inconclusive when even the most extreme outcome its seeds could give would not reach α.\n\n");
        var notRobust = studySeeds is null
            ? new HashSet<(string, string)>()
            : ClaimRobustness.Compare(studySeeds, claims).Where(r => r.Status == RobustnessStatus.NotRobust).Select(r => (r.ClaimId, r.Setting)).ToHashSet();

        var applicable = claims.Where(c => c.Verdict != ClaimVerdict.NotApplicable).ToArray();
        if (applicable.Length == 0) md.Append("No claim of the study applies to this folder's configuration.\n\n");
        foreach (var claim in applicable)
        {
            bool fragile = claim.Comparisons.Any(c => notRobust.Contains((claim.Claim.Id, c.Setting)));
            md.Append(Invariant($"**Claim {claim.Claim.Id} {ClaimWords.Verdict(claim.Verdict)}**{(fragile ? " (not robust to new seeds)" : "")}: {claim.Claim.Statement} "))
              .Append(Invariant($"*Statistic:* {claim.Claim.Statistic}; α = {ClaimWords.F(claim.Claim.Alpha)}. {Capitalised(claim.Reason)}.\n\n"));
            for (int i = 0; i < claim.Comparisons.Count; i++)
            {
                var c = claim.Comparisons[i];
                md.Append(Invariant($"- {c.Setting}: **{ClaimWords.Verdict(c.Verdict)}**"));
                if (notRobust.Contains((claim.Claim.Id, c.Setting)))
                    md.Append(" — **not robust to new seeds** (it holds on the study's seeds, not on these); what these seeds support instead:");
                else md.Append(" —");
                md.Append(Invariant($" {ClaimWords.Finding(claim.Claim, claim.Claim.Comparisons[i], c)}.\n"));
            }
            md.Append('\n');
        }
        var others = claims.Where(c => c.Verdict == ClaimVerdict.NotApplicable).ToArray();
        if (others.Length > 0)
            md.Append("Not applicable here: ")
              .Append(string.Join("; ", others.Select(c => $"claim {c.Claim.Id} ({c.Reason})")))
              .Append(".\n\n");
        return md.ToString();
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
