using System.CommandLine;
using GradFlow.Data;
using GradFlow.IO;
using GradFlow.Numerics;

namespace GradFlow.Cli;

/// <summary><c>gradflow dataset</c>: the study's noisy XOR points and split, as CSV.</summary>
internal static class DatasetCommand
{
    public static Command Create(CliContext context)
    {
        var n = Commands.Text("--n", "Points, > 0", "300");
        var noise = Commands.Text("--noise", "Std of the Gaussian input noise, >= 0", "0.1");
        var seed = Commands.Text("--seed", "Seed of default_rng for the points and the split", "42");
        var testSize = Commands.Text("--test-size", "Test fraction in [0, 1); 0 writes every row as train, in generation order", "0");
        var relabel = Commands.Flag("--relabel-after-noise", "Label the points after adding the noise, not before");
        var output = Commands.Text("--out", "The CSV to write [default: stdout]");
        var command = new Command("dataset", "Write the study's noisy XOR data as CSV: part,x1,x2,y, the train rows then the test rows, each in the study's order.")
        {
            n, noise, seed, testSize, relabel, output,
        };
        Commands.SetAction(command, context, parse =>
        {
            int count = Values.Integer("--n", parse.GetValue(n)!, 1, "300");
            double sigma = Values.NonNegative("--noise", parse.GetValue(noise)!, "0.1");
            if (sigma > Xor.MaxNoise)
                throw new UsageException($"--noise: {Numbers.Format(sigma)} is beyond 1e300, where the noisy points can overflow to infinity; expected a number in [0, 1e300]");
            var theSeed = Values.Seed("--seed", parse.GetValue(seed)!);
            double test = Values.TestSize("--test-size", parse.GetValue(testSize)!);
            int testRows = Xor.TestRows(count, test);
            if (test > 0 && testRows >= count)
                throw new UsageException($"--test-size: {Numbers.Format(test)} of n = {Numbers.Format(count)} leaves no train rows; expected a smaller fraction or a larger n");
            // The rule of 'gradflow run': a split must have a test row, else use 0 for no split.
            if (test > 0 && testRows == 0)
                throw new UsageException($"--test-size: {Numbers.Format(test)} of n = {Numbers.Format(count)} rounds to no test rows; use 0 for no split or a size with round(n·size) >= 1");
            string? path = parse.GetValue(output) is { } o ? Values.OutputFile("--out", o) : null;
            // The points, their noise, the labels and the split's copies: about 8.5 doubles per point.
            if (MemoryBudget.Problem(8.5 * count, 2.0 * count, context.Memory) is { } tooBig)
                throw new UsageException($"--n: {Numbers.Format(count)} points {tooBig}; expected a smaller --n");

            var split = Xor.Split(Xor.Generate(count, sigma, theSeed, parse.GetValue(relabel)), test, theSeed);
            OutputFile.Write(context, path, w => DataFile.Write(w, split));
            if (path is not null) context.Out.WriteLine($"wrote {path}: {Numbers.Format(split.Train.Count)} train and {Numbers.Format(split.Test.Count)} test rows");
            return ExitCodes.Success;
        });
        return command;
    }
}
