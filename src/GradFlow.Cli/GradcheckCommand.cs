using System.CommandLine;
using System.Diagnostics;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.IO;
using GradFlow.Model;
using GradFlow.Numerics;
using GradFlow.Verification;

namespace GradFlow.Cli;

/// <summary>
/// <c>gradflow gradcheck</c>: the finite-difference gate on a freshly initialised model and a few noisy
/// XOR points; a table of each layer's worst parameter; exit 1 when any parameter is beyond tolerance.
/// </summary>
internal static class GradcheckCommand
{
    /// <summary>From this many parameters per activation on, progress lines (every tenth, with an estimate) are printed.</summary>
    public const int ProgressFrom = 5000;

    public static Command Create(CliContext context)
    {
        var defaults = GradientCheckOptions.Default;
        var arch = Commands.Text("--arch", "Layer widths, input 2 and output 1", "2,16,16,1");
        var activation = Commands.Text("--activation", $"A hidden activation, or all: {string.Join(", ", ActivationRegistry.Names)}", "all");
        var init = Commands.Text("--init", $"Weight init: {string.Join(", ", InitSchemes.Names)}", "xavier");
        var scale = Commands.Text("--scale", "Init scale s, > 0", "1");
        var seed = Commands.Text("--seed", "Seed of the data, the init and the --sample subset (any integer >= 0)", "42");
        var n = Commands.Text("--n", "Noisy XOR points (noise 0.1) the loss is taken over", "16");
        var atol = Commands.Text("--atol", "Absolute tolerance, > 0: a parameter passes when |analytic − numeric| <= atol + rtol·|numeric| + the difference's rounding bound (at most atol)", Numbers.Format(defaults.Atol));
        var rtol = Commands.Text("--rtol", "Relative tolerance (see --atol)", Numbers.Format(defaults.Rtol));
        var step = Commands.Text("--step", "Central-difference step h (Richardson-extrapolated with h/2); refused when its rounding bound 4ε·|L|/h exceeds atol [default: 1e-4, raised for a large loss]");
        var sample = Commands.Text("--sample", "Check a seeded random subset of N parameters per activation (listed in the output) instead of all");
        var command = new Command("gradcheck", "Check backpropagation against central differences for every weight and bias; exit 1 if any is beyond tolerance.")
        {
            arch, activation, init, scale, seed, n, atol, rtol, step, sample,
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
            var theSeed = Values.Seed("--seed", parse.GetValue(seed)!);
            int count = Values.Integer("--n", parse.GetValue(n)!, 1, "16");
            double a = Values.Positive("--atol", parse.GetValue(atol)!, "1e-9");
            double r = Values.NonNegative("--rtol", parse.GetValue(rtol)!, "1e-6");
            double? h = parse.GetValue(step) is { } st ? Values.Positive("--step", st, "1e-4") : null;
            int? sampled = parse.GetValue(sample) is { } sa ? Values.Integer("--sample", sa, 1, "100") : null;
            CheckSize(architecture, count, sampled, context.Memory);

            var data = Xor.Generate(count, 0.1, theSeed);
            var models = activations.Select(act => Mlp.Init(architecture, act, scheme, s, theSeed)).ToArray();
            var steps = CheckStep(models, data, new GradientCheckOptions(a, r, h));
            var only = sampled is int k && k < models[0].ParameterCount ? GradientChecker.Sample(models[0], k, theSeed) : null;
            if (only is not null)
                context.Out.WriteLine($"checking a sample of {Numbers.Format(only.Count)} of {Numbers.Format(models[0].ParameterCount)} parameters (seed {Numbers.Format(theSeed)}): {string.Join(" ", only)}");

            var table = new TableView("activation", "layer", "worst parameter", "analytic", "numeric", "|diff|", "rel. error", "tolerance", "kink-crossing", "result")
                .AlignRight(3, 4, 5, 6, 7, 8);
            var failures = new List<string>();
            int checkedCount = 0, kinks = 0;
            double largestRounding = 0, largestTolerance = 0;
            for (int m = 0; m < models.Length; m++)
            {
                var model = models[m];
                var act = activations[m];
                var options = new GradientCheckOptions(a, r, steps[m], Context: $"{act.Name}, [{architecture}], {scheme.Name()} s={Numbers.Format(s)}, seed {Numbers.Format(theSeed)}");
                var report = Check(context, model, data, options, only, act.Name);
                checkedCount += report.CheckedCount;
                kinks += report.KinkCrossingCount;
                foreach (var e in report.Entries.Where(e => !e.CrossesKink))
                {
                    largestRounding = Math.Max(largestRounding, e.AppliedRounding(report.Options));
                    largestTolerance = Math.Max(largestTolerance, e.Tolerance(report.Options));
                }
                var worst = report.WorstPerLayer().ToDictionary(e => e.Id.Layer);
                for (int layer = 1; layer <= model.Layers.Count; layer++)
                {
                    int crossing = report.Entries.Count(e => e.Id.Layer == layer && e.CrossesKink);
                    if (worst.TryGetValue(layer, out var e))
                        table.Add(act.Name, Numbers.Format(layer), e.Id.ToString(), Values.Format(e.Analytic, "G6"), Values.Format(e.Numeric, "G6"),
                            Values.Format(e.AbsoluteError, "G3"), Values.Format(e.RelativeError, "G3"), Values.Format(e.Tolerance(report.Options), "G3"),
                            Numbers.Format(crossing), e.Passes(report.Options) ? "ok" : "FAIL");
                    else
                        table.Add(act.Name, Numbers.Format(layer), "-", "-", "-", "-", "-", "-", Numbers.Format(crossing), report.Entries.Any(e => e.Id.Layer == layer) ? "all cross a kink" : "not sampled");
                }
                if (!report.Passed)
                {
                    if (report.CheckedCount == 0) failures.Add($"{act.Name}: no parameter could be checked (every one crosses a kink)");
                    foreach (var f in report.Failures.OrderByDescending(f => f.Excess(report.Options)).Take(5)) failures.Add(report.Describe(f));
                }
            }
            table.Write(context);
            string stepText = steps.Distinct().Count() == 1 ? $"step {Values.Format(steps[0], "G3")}" : $"steps {string.Join(", ", steps.Select(x => Values.Format(x, "G3")))}";
            string tolerance = $"tolerance applied: atol {Numbers.Format(a)} + rtol {Numbers.Format(r)}·|numeric| + rounding bound up to {Values.Format(largestRounding, "G3")} " +
                               $"(largest {Values.Format(largestTolerance, "G3")}), {stepText}";
            if (failures.Count == 0)
            {
                context.Out.WriteLine($"gradient check passed: {Numbers.Format(checkedCount)} parameters checked over {Numbers.Format(activations.Count)} activations, {Numbers.Format(kinks)} kink-crossing not checked; {tolerance}");
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"gradient check FAILED, {Numbers.Format(kinks)} kink-crossing not checked; {tolerance}; worst:");
            foreach (var f in failures) context.Out.WriteLine("  " + f);
            return ExitCodes.CheckFailed;
        });
        return command;
    }

    // The model, its clone, the analytic gradient, two passes' gradients and one check record per
    // parameter (about 8 doubles) are held at once; the passes and the data scale with n.
    private static void CheckSize(Architecture architecture, int n, int? sampled, long memory)
    {
        var widths = architecture.Widths;
        double parameters = NetworkSize.Parameters(widths);
        double doubles = 5 * parameters + 8 * Math.Min(parameters, sampled ?? double.MaxValue) + 2 * NetworkSize.Pass(widths, n) + 5.0 * n;
        double largest = Math.Max(NetworkSize.LargestArray(widths, n), Math.Max(2.0 * n, parameters));
        if (MemoryBudget.Problem(doubles, largest, memory) is { } problem)
            throw new UsageException($"--arch {architecture} with --n {Numbers.Format(n)}: the check {problem}; expected narrower layers or a smaller --n");
    }

    // Every model's step, refused as a whole before any check starts when one would swamp atol.
    private static double[] CheckStep(Mlp[] models, Dataset data, GradientCheckOptions options)
    {
        var steps = new double[models.Length];
        for (int m = 0; m < models.Length; m++)
        {
            try { steps[m] = GradientChecker.ResolveStep(options, GradientChecker.Loss(models[m], data)); }
            catch (StepRefusedException e)
            {
                double need = models.Max(x => GradientChecker.SmallestStep(GradientChecker.Loss(x, data), options.Atol));
                string every = models.Length == 1 ? "" : " (for every activation)";
                string option = options.Step is null ? "--atol" : "--step";
                string why = $"{option}: with {models[m].Activation.Name} (loss L = {Values.Format(e.Loss, "G4")})";
                throw new UsageException(!double.IsFinite(need)
                    ? $"{why} no step keeps the central difference's rounding error 4ε·|L|/h below --atol {Numbers.Format(options.Atol)} (the loss is not finite); expected a smaller --scale"
                    : $"{why} step {Values.Format(e.Step, "G3")} lets the central difference's rounding error 4ε·|L|/h reach {Values.Format(NumericalGradient.RoundingBound(e.Loss, e.Step), "G3")}, " +
                      $"above --atol {Numbers.Format(options.Atol)}, so the check could pass a wrong gradient; expected --step >= {Values.Format(need, "G3")}{every} or a larger --atol");
            }
        }
        return steps;
    }

    private static GradientCheckReport Check(CliContext context, Mlp model, Dataset data, GradientCheckOptions options, IReadOnlyList<ParameterId>? only, string name)
    {
        int total = only?.Count ?? model.ParameterCount;
        var clock = Stopwatch.StartNew();
        int lastTenth = 0, done = 0;
        var lastLine = TimeSpan.Zero;
        context.Interruption.WaitingFor = $"the gradient check of {name} to finish its current parameter";
        void Progress(int checkedSoFar, int all)
        {
            done = checkedSoFar;
            if (all < ProgressFrom) return;
            int tenth = checkedSoFar * 10 / all;
            var elapsed = clock.Elapsed;
            if (tenth == lastTenth && elapsed - lastLine < TimeSpan.FromSeconds(10)) return;
            lastTenth = tenth;
            lastLine = elapsed;
            var eta = elapsed / checkedSoFar * (all - checkedSoFar);
            context.Out.WriteLine($"{name}: {Numbers.Format(checkedSoFar)}/{Numbers.Format(all)} parameters ({Numbers.Format(100 * checkedSoFar / all)}%), elapsed {Clock(elapsed)}, ETA {Clock(eta)}");
            context.Out.Flush();
        }
        if (total >= ProgressFrom)
            context.Out.WriteLine($"{name}: checking {Numbers.Format(total)} parameters, 4 forward passes of {Numbers.Format(data.Count)} rows each; progress every tenth");
        try
        {
            return GradientChecker.Check(model, data, options, only, Progress, context.Cancellation);
        }
        catch (OperationCanceledException)
        {
            throw new InterruptedException($"gradcheck interrupted after {Numbers.Format(done)} of {Numbers.Format(total)} parameters of {name}; nothing was written");
        }
    }

    private static string Clock(TimeSpan t) => t.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
}
