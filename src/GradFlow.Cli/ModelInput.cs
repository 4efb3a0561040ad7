using System.CommandLine;
using GradFlow.Data;
using GradFlow.IO;
using GradFlow.Model;

namespace GradFlow.Cli;

/// <summary>The --model and --data pair of <c>gradients</c> and <c>hessian</c>: a model file and the train rows of a data file that fits it.</summary>
internal static class ModelInput
{
    /// <summary>The two options as both verbs take them.</summary>
    public static Option<string?> ModelOption() => Commands.Text("--model", "A model JSON file (as 'gradflow init' writes)", required: true);

    public static Option<string?> DataOption() => Commands.Text("--data", "A CSV with header x1,...,xd,y, or part,x1,...,xd,y as 'gradflow dataset' writes (its train rows are used)", required: true);

    public static (Mlp Model, Dataset Train) Read(string modelPath, string dataPath)
    {
        var mlp = Read("--model", () => ModelFile.Read(modelPath));
        var train = Read("--data", () => DataFile.Read(dataPath)).Train;
        if (train.Features != mlp.Inputs)
            throw new UsageException($"--data: {dataPath} has {Numbers.Format(train.Features)} feature columns but the model {modelPath} takes {Numbers.Format(mlp.Inputs)} inputs; expected data with x1..x{Numbers.Format(mlp.Inputs)}");
        if (train.Count == 0)
            throw new UsageException($"--data: {dataPath} has no train rows; expected at least one row (part train, or any row of an x1,...,xd,y file)");
        return (mlp, train);
    }

    private static T Read<T>(string option, Func<T> read)
    {
        try { return read(); }
        catch (InvalidDataException e) { throw new UsageException($"{option}: {e.Message}"); }
    }
}
