using System.CommandLine;
using GradFlow.Verification;

namespace GradFlow.Cli;

/// <summary><c>gradflow gradients</c>: the gradient of the mean BCE of a model file over a data file's train rows.</summary>
internal static class GradientsCommand
{
    public static Command Create(CliContext context)
    {
        var model = ModelInput.ModelOption();
        var data = ModelInput.DataOption();
        var output = Commands.Text("--out", "The gradient JSON to write [default: stdout]");
        var command = new Command("gradients", "Write the loss and its gradient, {\"loss\":L,\"layers\":[{\"weights\":[[..]],\"bias\":[..]},..]}, in the model's layout.")
        {
            model, data, output,
        };
        Commands.SetAction(command, context, parse =>
        {
            string modelPath = parse.GetValue(model)!, dataPath = parse.GetValue(data)!;
            var (mlp, train) = ModelInput.Read(modelPath, dataPath);
            string? path = parse.GetValue(output) is { } o ? Values.OutputFile("--out", o) : null;

            var gradient = LossGradient.Compute(mlp, train);
            OutputFile.Write(context, path, w => GradientFile.Write(w, gradient));
            if (path is not null) context.Out.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
