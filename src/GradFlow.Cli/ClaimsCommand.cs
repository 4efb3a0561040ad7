using System.CommandLine;
using GradFlow.Experiments;

namespace GradFlow.Cli;

/// <summary>
/// <c>gradflow claims --results DIR [--require] [--study DIR]</c>: the study's claims decided on a results folder's seeds,
/// as a table and as claims.csv in the folder; with --require, exit 1 when a claim that applies does not hold.
/// </summary>
internal static class ClaimsCommand
{
    public static Command Create(CliContext context)
    {
        var results = Commands.Text("--results", "A whole results folder written by 'gradflow run' or 'gradflow merge'", required: true);
        var require = Commands.Flag("--require", "Exit 1 when a claim that applies to the folder does not hold (inconclusive claims do not fail it)");
        var study = Commands.Text("--study", "The same configuration run on the study's seeds: comparisons that hold there but not in --results are named 'not robust to new seeds'");
        var command = new Command("claims", "Decide the study's claims with statistics across the seeds of a results folder; writes claims.csv into it.")
        {
            results, require, study,
        };
        Commands.SetAction(command, context, parse =>
        {
            var (store, _) = ResultFolder.Open("--results", parse.GetValue(results)!);
            var claims = ClaimEvaluator.Evaluate(SeedValues.Read(store.Root));
            IReadOnlyList<ComparisonRobustness> robustness = [];
            if (parse.GetValue(study) is { } studyDir)
            {
                var (studyStore, _) = ResultFolder.Open("--study", studyDir);
                robustness = ClaimRobustness.Compare(ClaimEvaluator.Evaluate(SeedValues.Read(studyStore.Root)), claims);
            }
            Print(context, claims);
            foreach (var r in robustness.Where(r => r.Status == RobustnessStatus.NotRobust))
                context.Out.WriteLine($"not robust to new seeds: claim {r.ClaimId}, {r.Setting}: holds on the study's seeds, {ClaimWords.Verdict(r.NewSeeds.Verdict)} here (Holm p {ClaimWords.P(r.NewSeeds.AdjustedP)}; {r.NewSeeds.Measured})");
            if (parse.GetValue(study) is not null)
                context.Out.WriteLine($"{robustness.Count(r => r.Status == RobustnessStatus.Robust)} of {robustness.Count} comparisons hold on both seed sets; {robustness.Count(r => r.Status == RobustnessStatus.NotRobust)} hold on the study's seeds only");
            context.Out.WriteLine($"wrote {ClaimsFile.Write(store.Root, claims)}");
            bool failed = claims.Any(c => c.Verdict == ClaimVerdict.DoesNotHold);
            return parse.GetValue(require) && failed ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The table (claim, setting, statistic, p, adjusted p, effect, verdict), then one line per claim.</summary>
    internal static void Print(CliContext context, IReadOnlyList<ClaimResult> claims)
    {
        var table = new TableView("claim", "setting", "statistic", "p", "adjusted p", "effect", "verdict").AlignRight(3, 4, 5);
        foreach (var claim in claims)
        {
            if (claim.Comparisons.Count == 0) table.Add(claim.Claim.Id, "-", "-", "-", "-", "-", ClaimWords.Verdict(claim.Verdict));
            foreach (var c in claim.Comparisons)
                table.Add(claim.Claim.Id, c.Setting, ClaimWords.Test(c.Test), ClaimWords.P(c.P), ClaimWords.P(c.AdjustedP),
                    ClaimWords.F(c.Effect), ClaimWords.Verdict(c.Verdict));
        }
        table.Write(context);
        foreach (var claim in claims)
            context.Out.WriteLine($"claim {claim.Claim.Id} {ClaimWords.Verdict(claim.Verdict)}: {claim.Reason}");
    }
}
