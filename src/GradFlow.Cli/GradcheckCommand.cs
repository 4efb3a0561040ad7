using System.CommandLine;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.IO;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Cli;

/// <summary>
/// <c>gradflow gradcheck</c>: the finite-difference gate on a freshly initialised model and a few noisy
/// XOR points; a table of each layer's worst parameter; exit 1 when any parameter is beyond tolerance.
/// </summary>
internal static class GradcheckCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = GradientCheckOptions.Default;
        var arch = Commands.Text("--arch", "Layer widths, input 2 and output 1", "2,16,16,1");
        var activation = Commands.Text("--activation", $"A hidden activation, or all: {string.Join(", ", ActivationRegistry.Names)}", "all");
        var init = Commands.Text("--init", $"Weight init: {string.Join(", ", InitSchemes.Names)}", "xavier");
        var scale = Commands.Text("--scale", "Init scale s, > 0", "1");
        var seed = Commands.Text("--seed", "Seed of the data and the init", "42");
        var n = Commands.Text("--n", "Noisy XOR points (noise 0.1) the loss is taken over", "16");
        var atol = Commands.Text("--atol", "Absolute tolerance: a parameter passes when |analytic − numeric| <= atol + rtol·|numeric|", Numbers.Format(defaults.Atol));
        var rtol = Commands.Text("--rtol", "Relative tolerance (see --atol)", Numbers.Format(defaults.Rtol));
        var step = Commands.Text("--step", "Central-difference step h (Richardson-extrapolated with h/2), > 0", Numbers.Format(defaults.Step));
        var command = new Command("gradcheck", "Check backpropagation against central differences for every weight and bias; exit 1 if any is beyond tolerance.")
        {
            arch, activation, init, scale, seed, n, atol, rtol, step,
        };
        Commands.SetAction(command, context, parse =>
        {
            var architecture = Values.Arch("--arch", parse.GetValue(arch)!);
            if (architecture.Inputs != 2)
                throw new UsageException($"--arch: '{architecture}' takes {Numbers.Format(architecture.Inputs)} inputs but the XOR data has 2 features; expected an input width of 2, e.g. 2,16,16,1");
            string which = parse.GetValue(activation)!.Trim();
            var activations = string.Equals(which, "all", StringComparison.OrdinalIgnoreCase)
                ? ActivationRegistry.All
                : [ActivationRegistry.Get(Values.Activation("--activation", which))];
            var scheme = InitSchemes.Parse(Values.Init("--init", parse.GetValue(init)!));
            double s = Values.Positive("--scale", parse.GetValue(scale)!, "1");
            ulong theSeed = Values.Seed("--seed", parse.GetValue(seed)!);
            int count = Values.Integer("--n", parse.GetValue(n)!, 1, "16");
            double a = Values.NonNegative("--atol", parse.GetValue(atol)!, "1e-9");
            double r = Values.NonNegative("--rtol", parse.GetValue(rtol)!, "1e-6");
            double h = Values.Positive("--step", parse.GetValue(step)!, "1e-4");

            var data = Xor.Generate(count, 0.1, theSeed);
            var table = new TableView("activation", "layer", "worst parameter", "analytic", "numeric", "|diff|", "rel. error", "tolerance", "kink-crossing", "result")
                .AlignRight(3, 4, 5, 6, 7, 8);
            var failures = new List<string>();
            int checkedCount = 0, kinks = 0;
            foreach (var act in activations)
            {
                var model = Mlp.Init(architecture, act, scheme, s, theSeed);
                var report = GradientChecker.Check(model, data, new GradientCheckOptions(a, r, h, Context: $"{act.Name}, [{architecture}], {scheme.Name()} s={Numbers.Format(s)}, seed {Numbers.Format(theSeed)}"));
                checkedCount += report.CheckedCount;
                kinks += report.KinkCrossingCount;
                var worst = report.WorstPerLayer().ToDictionary(e => e.Id.Layer);
                for (int layer = 1; layer <= model.Layers.Count; layer++)
                {
                    int crossing = report.Entries.Count(e => e.Id.Layer == layer && e.CrossesKink);
                    if (worst.TryGetValue(layer, out var e))
                        table.Add(act.Name, Numbers.Format(layer), e.Id.ToString(), Values.Format(e.Analytic, "G6"), Values.Format(e.Numeric, "G6"),
                            Values.Format(e.AbsoluteError, "G3"), Values.Format(e.RelativeError, "G3"), Values.Format(e.Tolerance(report.Options), "G3"),
                            Numbers.Format(crossing), e.Passes(report.Options) ? "ok" : "FAIL");
                    else
                        table.Add(act.Name, Numbers.Format(layer), "-", "-", "-", "-", "-", "-", Numbers.Format(crossing), "all cross a kink");
                }
                if (!report.Passed)
                {
                    if (report.CheckedCount == 0) failures.Add($"{act.Name}: no parameter could be checked (every one crosses a kink)");
                    foreach (var f in report.Failures.OrderByDescending(f => f.Excess(report.Options)).Take(5)) failures.Add(report.Describe(f));
                }
            }
            table.Write(context);
            string tolerance = $"atol {Numbers.Format(a)}, rtol {Numbers.Format(r)}";
            if (failures.Count == 0)
            {
                context.Out.WriteLine($"gradient check passed: {Numbers.Format(checkedCount)} parameters checked over {Numbers.Format(activations.Count)} activations ({tolerance}), {Numbers.Format(kinks)} kink-crossing not checked");
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"gradient check FAILED ({tolerance}), {Numbers.Format(kinks)} kink-crossing not checked; worst:");
            foreach (var f in failures) context.Out.WriteLine("  " + f);
            return ExitCodes.CheckFailed;
        });
        return command;
    }
}
