using GradFlow.IO;

namespace GradFlow.Experiments;

/// <summary>
/// claims.csv of a results folder: one row per comparison of each claim (a claim that does not apply gets one
/// row with no comparison): claim, setting, test, n1, n2, p, p_holm, effect_size, effect, ci_low, ci_high,
/// verdict, claim_verdict. Numbers in round-trip form; empty where a value does not exist.
/// </summary>
public static class ClaimsFile
{
    public const string FileName = "claims.csv";

    private static readonly string[] Header =
        ["claim", "setting", "test", "n1", "n2", "p", "p_holm", "effect_size", "effect", "ci_low", "ci_high", "verdict", "claim_verdict"];

    public static string PathIn(string folder) => Path.Combine(Path.GetFullPath(folder), FileName);

    /// <summary>Writes <see cref="FileName"/> into <paramref name="folder"/> through a temporary file and a rename.</summary>
    public static string Write(string folder, IReadOnlyList<ClaimResult> claims)
    {
        string path = PathIn(folder);
        AtomicFile.WriteText(path, w => Write(w, claims));
        return path;
    }

    public static void Write(TextWriter w, IReadOnlyList<ClaimResult> claims)
    {
        using var csv = CsvFormat.Writer(w);
        foreach (var h in Header) csv.WriteField(h);
        csv.NextRecord();
        foreach (var claim in claims)
        {
            string claimVerdict = Code(claim.Verdict);
            // A claim without comparisons gets one row of its verdict; the loop below then writes nothing.
            if (claim.Comparisons.Count == 0)
            {
                foreach (var cell in new[] { claim.Claim.Id, "", "", "", "", "", "", "", "", "", "", claimVerdict, claimVerdict }) csv.WriteField(cell);
                csv.NextRecord();
            }
            foreach (var c in claim.Comparisons)
            {
                csv.WriteField(claim.Claim.Id);
                csv.WriteField(c.Setting);
                csv.WriteField(Code(c.Test));
                csv.WriteField(Numbers.Format(c.N1));
                csv.WriteField(Numbers.Format(c.N2));
                csv.WriteField(Numbers.Format(c.P));
                csv.WriteField(Numbers.Format(c.AdjustedP));
                csv.WriteField(c.EffectName);
                csv.WriteField(Numbers.Format(c.Effect));
                csv.WriteField(c.Interval is { } ci ? Numbers.Format(ci.Low) : "");
                csv.WriteField(c.Interval is { } cj ? Numbers.Format(cj.High) : "");
                csv.WriteField(Code(c.Verdict));
                csv.WriteField(claimVerdict);
                csv.NextRecord();
            }
        }
    }

    /// <summary>A verdict as claims.csv spells it: holds, does_not_hold, inconclusive, not_applicable.</summary>
    public static string Code(ClaimVerdict verdict) => ClaimWords.Verdict(verdict).Replace(' ', '_');

    private static string Code(ClaimTest test) => test switch
    {
        ClaimTest.MannWhitney => "mann_whitney",
        ClaimTest.Wilcoxon => "wilcoxon",
        _ => "sign",
    };
}
