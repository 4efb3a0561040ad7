using System.CommandLine;
using GradFlow.IO;
using GradFlow.Metrics;
using GradFlow.Reporting;

namespace GradFlow.Cli;

/// <summary><c>gradflow plot</c>: any recorded metric of a results folder against the epoch, drawn by GradFlow.Reporting.</summary>
internal static class PlotCommand
{
    public static Command Create(CliContext context)
    {
        var results = Commands.Text("--results", "A results folder written by 'gradflow run' or 'gradflow merge'", required: true);
        var metric = Commands.Text("--metric", $"A metric recorded in the folder's run files, one of: {ValidMetrics} (i a layer number)", required: true);
        var activations = Commands.Text("--activations", "Only these activations, comma-separated [default: all in the folder]");
        var init = Commands.Text("--init", "Only this init [default: all in the folder]");
        var scale = Commands.Text("--scale", "Only this init scale [default: all in the folder]");
        var xMin = Commands.Text("--x-min", "Lower limit of the epoch axis [default: fitted]");
        var xMax = Commands.Text("--x-max", "Upper limit of the epoch axis [default: fitted]");
        var yMin = Commands.Text("--y-min", "Lower limit of the metric axis [default: fitted]");
        var yMax = Commands.Text("--y-max", "Upper limit of the metric axis [default: fitted]");
        var save = Commands.Text("--save", "The figure to write, ending in .png or .svg", required: true);
        var command = new Command("plot", "Plot one metric of a results folder against the epoch: mean ± std across seeds per setting.")
        {
            results, metric, activations, init, scale, xMin, xMax, yMin, yMax, save,
        };
        Commands.SetAction(command, context, parse =>
        {
            var (store, manifest) = ResultFolder.Open("--results", parse.GetValue(results)!);
            var spec = manifest.Spec;
            string name = parse.GetValue(metric)!;
            var recorded = ResultFolder.Metrics("--results", store, spec);
            if (!recorded.Contains(name) && MetricCatalog.Find(name) is null)
                throw new UsageException($"--metric: unknown metric '{name}'; valid: {ValidMetrics} (i a layer number); recorded in {store.Root}: {string.Join(", ", recorded)}");
            if (!recorded.Contains(name))
                throw new UsageException($"--metric: '{name}' is not recorded in {store.Root}; recorded: {string.Join(", ", recorded)}");

            var filter = new PlotFilter(
                parse.GetValue(activations) is { } a ? InFolder("--activations", Values.List("--activations", a, "activations"), spec.Activations) : null,
                parse.GetValue(init) is { } i ? Single("--init", InFolder("--init", Values.List("--init", i, "inits"), spec.Inits), "xavier") : null,
                parse.GetValue(scale) is { } s ? Single("--scale", Scales(Values.Scales("--scale", s), spec.Scales), "0.5") : null);
            var limits = new AxisLimits(
                Bound(parse.GetValue(xMin), "--x-min"), Bound(parse.GetValue(xMax), "--x-max"),
                Bound(parse.GetValue(yMin), "--y-min"), Bound(parse.GetValue(yMax), "--y-max"));
            Ordered("--x-min", limits.XMin, "--x-max", limits.XMax);
            Ordered("--y-min", limits.YMin, "--y-max", limits.YMax);
            string path = Values.OutputFile("--save", parse.GetValue(save)!, ".png", ".svg");

            MetricPlot.Save(store, name, filter, limits, path);
            context.Out.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string ValidMetrics => string.Join(", ", MetricCatalog.Patterns);

    private static string[] InFolder(string option, IReadOnlyList<string> wanted, IReadOnlyList<string> held) =>
        wanted.Select(w => held.FirstOrDefault(h => string.Equals(h, w, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"{option}: the results hold no runs of '{w}'; they hold: {string.Join(", ", held)}")).ToArray();

    private static double[] Scales(IReadOnlyList<double> wanted, IReadOnlyList<double> held) =>
        wanted.Select(w => held.Contains(w) ? w
            : throw new UsageException($"--scale: the results hold no runs at scale {Numbers.Format(w)}; they hold: {string.Join(", ", held.Select(Numbers.Format))}")).ToArray();

    private static T Single<T>(string option, IReadOnlyList<T> values, string example) =>
        values.Count == 1 ? values[0] : throw new UsageException($"{option}: give one value, e.g. {example}");

    /// <summary>The largest axis limit in magnitude: beyond it the axis's span (max − min) and its ticks overflow a double.</summary>
    public const double MaxLimit = 1e300;

    private static double? Bound(string? text, string option)
    {
        if (text is null) return null;
        double v = Values.Finite(option, text, "0");
        return Math.Abs(v) <= MaxLimit ? v
            : throw new UsageException($"{option}: {text} is beyond ±1e300, where the axis span overflows; expected a limit within ±1e300");
    }

    private static void Ordered(string minOption, double? min, string maxOption, double? max)
    {
        if (min is { } lo && max is { } hi && !(lo < hi))
            throw new UsageException($"{minOption} {Numbers.Format(lo)} is not below {maxOption} {Numbers.Format(hi)}; expected min < max");
    }
}
