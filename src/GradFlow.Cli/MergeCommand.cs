using System.CommandLine;
using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Cli;

/// <summary><c>gradflow merge --out DIR DIR1 DIR2 ...</c>: shard folders of one spec aggregated into one results folder.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var output = Commands.Text("--out", "The merged results folder", required: true);
        var shards = new Argument<string[]>("shard-folders") { Description = "The results folders of the shards (gradflow run --shard i/n --out ...)", Arity = ArgumentArity.OneOrMore };
        // Folder names never start with '-': such a token is a mistyped option, not a shard folder.
        shards.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.StartsWith('-')) result.AddError($"Unrecognized command or argument '{token.Value}'");
        });
        var command = new Command("merge", "Aggregate shard folders of one sweep into one results folder, the same files a single-machine run writes.") { output, shards };
        Commands.SetAction(command, context, parse =>
        {
            string dir = parse.GetValue(output)!;
            if (string.IsNullOrWhiteSpace(dir)) throw new UsageException("--out: the path is empty; expected a folder for the merged results");
            var sources = parse.GetValue(shards)!;
            foreach (var source in sources)
            {
                if (!Directory.Exists(source))
                    throw new UsageException($"merge: shard folder '{source}' does not exist; expected results folders written by 'gradflow run --shard i/n'");
                if (Path.GetFullPath(source) == Path.GetFullPath(dir))
                    throw new UsageException($"--out: '{dir}' is also a shard folder; expected a separate folder for the merged results");
            }
            var outcome = SweepRunner.Merge(dir, sources);
            context.Out.WriteLine($"merged {Numbers.Format(outcome.Runs.Count)} runs of {outcome.Spec.Name} from {Numbers.Format(sources.Length)} folders into {outcome.Store.Root}");
            RunCommand.FinishWhole(context, outcome);
            return ExitCodes.Success;
        });
        return command;
    }
}
