using System.CommandLine;
using GradFlow.Activations;
using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Cli;

/// <summary><c>gradflow init</c>: a freshly initialised model, written as the model JSON (docs/ARCHITECTURE.md "Files").</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var arch = Commands.Text("--arch", "Layer widths, ending in 1 (one sigmoid output)", "2,16,16,1");
        var activation = Commands.Text("--activation", $"Hidden activation: {string.Join(", ", ActivationRegistry.Names)}", "tanh");
        var init = Commands.Text("--init", $"Weight init: {string.Join(", ", InitSchemes.Names)}", "xavier");
        var scale = Commands.Text("--scale", "Init scale s, > 0", "1");
        var seed = Commands.Text("--seed", "Seed of default_rng for the weights", "42");
        var output = Commands.Text("--out", "The model file to write [default: stdout]");
        var command = new Command("init", "Initialise a model as the study does (default_rng(seed), one normal draw per layer, biases 0) and write its JSON.")
        {
            arch, activation, init, scale, seed, output,
        };
        Commands.SetAction(command, context, parse =>
        {
            var architecture = Values.Arch("--arch", parse.GetValue(arch)!);
            var act = ActivationRegistry.Get(Values.Activation("--activation", parse.GetValue(activation)!));
            var scheme = InitSchemes.Parse(Values.Init("--init", parse.GetValue(init)!));
            double s = Values.Positive("--scale", parse.GetValue(scale)!, "1");
            var theSeed = Values.Seed("--seed", parse.GetValue(seed)!);
            string? path = parse.GetValue(output) is { } o ? Values.OutputFile("--out", o) : null;
            // The weights and the normal draws they are scaled from: two doubles per parameter.
            var widths = architecture.Widths;
            if (MemoryBudget.Problem(2 * NetworkSize.Parameters(widths), NetworkSize.LargestArray(widths, 1), context.Memory) is { } tooBig)
                throw new UsageException($"--arch: {architecture} has {Values.Format(NetworkSize.Parameters(widths), "G4")} parameters and {tooBig}; expected narrower layers");

            var model = Mlp.Init(architecture, act, scheme, s, theSeed);
            OutputFile.Write(context, path, w => ModelFile.Write(w, model));
            if (path is not null) context.Out.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
