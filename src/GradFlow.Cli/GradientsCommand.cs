using System.CommandLine;
using GradFlow.Data;
using GradFlow.IO;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Cli;

/// <summary><c>gradflow gradients</c>: the gradient of the mean BCE of a model file over a data file's train rows.</summary>
internal static class GradientsCommand
{
    public static Command Create(CliContext context)
    {
        var model = Commands.Text("--model", "A model JSON file (as 'gradflow init' writes)", required: true);
        var data = Commands.Text("--data", "A CSV with header x1,...,xd,y, or part,x1,...,xd,y as 'gradflow dataset' writes (its train rows are used)", required: true);
        var output = Commands.Text("--out", "The gradient JSON to write [default: stdout]");
        var command = new Command("gradients", "Write the loss and its gradient, {\"loss\":L,\"layers\":[{\"weights\":[[..]],\"bias\":[..]},..]}, in the model's layout.")
        {
            model, data, output,
        };
        Commands.SetAction(command, context, parse =>
        {
            string modelPath = parse.GetValue(model)!, dataPath = parse.GetValue(data)!;
            var mlp = Read("--model", () => ModelFile.Read(modelPath));
            var train = Read("--data", () => DataFile.Read(dataPath)).Train;
            if (train.Features != mlp.Inputs)
                throw new UsageException($"--data: {dataPath} has {Numbers.Format(train.Features)} feature columns but the model {modelPath} takes {Numbers.Format(mlp.Inputs)} inputs; expected data with x1..x{Numbers.Format(mlp.Inputs)}");
            if (train.Count == 0)
                throw new UsageException($"--data: {dataPath} has no train rows; expected at least one row (part train, or any row of an x1,...,xd,y file)");
            string? path = parse.GetValue(output) is { } o ? Values.OutputFile("--out", o) : null;

            var gradient = LossGradient.Compute(mlp, train);
            OutputFile.Write(context, path, w => GradientFile.Write(w, gradient));
            if (path is not null) context.Out.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static T Read<T>(string option, Func<T> read)
    {
        try { return read(); }
        catch (InvalidDataException e) { throw new UsageException($"{option}: {e.Message}"); }
    }
}
