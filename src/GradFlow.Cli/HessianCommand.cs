using System.CommandLine;
using GradFlow.Curvature;
using GradFlow.IO;

namespace GradFlow.Cli;

/// <summary><c>gradflow hessian</c>: the dense Hessian of the mean BCE of a model file over a data file's train rows, its spectrum and trace.</summary>
internal static class HessianCommand
{
    public static Command Create(CliContext context)
    {
        var model = ModelInput.ModelOption();
        var data = ModelInput.DataOption();
        var output = Commands.Text("--out", "The Hessian JSON to write [default: stdout]");
        var command = new Command("hessian",
            $"Write the loss, the exact Hessian and its spectrum, {{\"loss\":L,\"parameters\":P,\"eigenvalues\":[ascending],\"trace\":T,\"hessian\":[[..]]}}, parameters in the gradient file's order (models up to {DenseHessian.MaxParameters} parameters).")
        {
            model, data, output,
        };
        Commands.SetAction(command, context, parse =>
        {
            string modelPath = parse.GetValue(model)!, dataPath = parse.GetValue(data)!;
            var (mlp, train) = ModelInput.Read(modelPath, dataPath);
            if (mlp.ParameterCount > DenseHessian.MaxParameters)
                throw new UsageException($"--model: {modelPath} has {Numbers.Format(mlp.ParameterCount)} parameters; the dense Hessian takes at most {Numbers.Format(DenseHessian.MaxParameters)}");
            string? path = parse.GetValue(output) is { } o ? Values.OutputFile("--out", o) : null;

            HessianReport report;
            try { report = HessianReport.Compute(mlp, train); }
            catch (ArgumentException e) { throw new UsageException($"--model: {modelPath}: {e.Message}; expected a model whose passes stay finite on {dataPath}"); }
            OutputFile.Write(context, path, w => HessianFile.Write(w, report));
            if (path is not null) context.Out.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
