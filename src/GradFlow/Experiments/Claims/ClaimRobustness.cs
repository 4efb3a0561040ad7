namespace GradFlow.Experiments;

/// <summary>Compares claims decided on the study's seeds with the same claims decided on new seeds, comparison by comparison.</summary>
public static class ClaimRobustness
{
    /// <summary>Every comparison decided in both lists (matched by claim id and setting), in the study's order.</summary>
    public static IReadOnlyList<ComparisonRobustness> Compare(IReadOnlyList<ClaimResult> study, IReadOnlyList<ClaimResult> newSeeds)
    {
        var onNew = newSeeds.SelectMany(c => c.Comparisons.Select(r => (Key: (c.Claim.Id, r.Setting), r)))
            .ToDictionary(x => x.Key, x => x.r);
        var rows = new List<ComparisonRobustness>();
        foreach (var claim in study)
            foreach (var s in claim.Comparisons)
                if (onNew.TryGetValue((claim.Claim.Id, s.Setting), out var n))
                    rows.Add(new ComparisonRobustness(claim.Claim.Id, s.Setting, StatusOf(s.Verdict, n.Verdict), s, n));
        return rows;
    }

    private static RobustnessStatus StatusOf(ClaimVerdict study, ClaimVerdict newSeeds) => (study, newSeeds) switch
    {
        (ClaimVerdict.Holds, ClaimVerdict.Holds) => RobustnessStatus.Robust,
        (ClaimVerdict.Holds, ClaimVerdict.DoesNotHold) => RobustnessStatus.NotRobust,
        (ClaimVerdict.DoesNotHold, ClaimVerdict.Holds) => RobustnessStatus.HoldsOnNewSeedsOnly,
        (ClaimVerdict.DoesNotHold, ClaimVerdict.DoesNotHold) => RobustnessStatus.HoldsOnNeither,
        _ => RobustnessStatus.Undecided,
    };
}
