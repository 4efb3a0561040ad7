using System.CommandLine;
using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Cli;

/// <summary><c>gradflow presets</c>: the embedded presets and their key fields.</summary>
internal static class PresetsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("presets", "List the presets 'gradflow run --preset NAME' starts from.");
        Commands.SetAction(command, context, _ =>
        {
            var table = new TableView("preset", "activations", "inits", "scales", "seeds", "arch", "n", "noise", "test size", "lr", "epochs", "runs")
                .AlignRight(6, 7, 8, 9, 10, 11);
            foreach (var p in Presets.All)
                table.Add(p.Name, string.Join(",", p.Activations), string.Join(",", p.Inits), string.Join(",", p.Scales.Select(Numbers.Format)),
                    Values.FormatSeeds(p.Seeds), string.Join(",", p.Arch), Numbers.Format(p.N), Numbers.Format(p.Noise), Numbers.Format(p.TestSize),
                    Numbers.Format(p.LearningRate), Numbers.Format(p.Epochs), Numbers.Format(p.Runs().Count));
            table.Write(context);
            return ExitCodes.Success;
        });
        return command;
    }
}
