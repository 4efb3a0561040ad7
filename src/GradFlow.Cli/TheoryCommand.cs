using System.CommandLine;
using GradFlow.Activations;
using GradFlow.Experiments;
using GradFlow.IO;
using GradFlow.Model;
using GradFlow.Reporting;
using GradFlow.Theory;

namespace GradFlow.Cli;

/// <summary>
/// <c>gradflow theory</c>: the mean-field prediction of every setting's hidden layers at initialisation
/// (q, χ, delta_rel), or with <c>--phase</c> one activation's edge-of-chaos curve and phase diagram.
/// </summary>
internal static class TheoryCommand
{
    public const string Header = "activation,init,init_scale,layer,fan_in,fan_out,q,chi,delta_rel";

    public static Command Create(CliContext context)
    {
        var specOptions = new SpecOptions();
        var output = Commands.Text("--out", "CSV to write (one row per activation, init, scale and hidden layer; with --phase the edge-of-chaos curve) [default: a table on stdout]");
        var phase = Commands.Flag("--phase", "Write the edge-of-chaos curve of --activation to --out and the phase diagram beside it (.png, .svg), the spec's settings marked");
        var activation = Commands.Text("--activation", $"With --phase: the activation, one of {string.Join(", ", ActivationRegistry.Names)}");
        var sigmaB = Commands.Text("--sigma-b", "Bias std σ_b of the maps, >= 0 (GradFlow initialises biases to 0)", "0");
        var dataAware = Commands.Flag("--data-aware", "Propagate each seed's own training rows (as a run draws them) and pool their ‖δ‖², then take the geometric mean over seeds; what the runs' epoch 0 is compared with [default: E‖x‖² of the data distribution]");
        var command = new Command("theory", "Mean-field signal propagation (Poole et al. 2016; Schoenholz et al. 2017) for the spec's networks at initialisation: " +
                                            "per hidden layer the predicted mean z² (q), ‖δ^l‖²/‖δ^{l+1}‖² (chi) and ‖δ^l‖/‖δ^last hidden‖ (delta_rel).");
        specOptions.AddTo(command);
        foreach (var option in new Option[] { output, phase, activation, sigmaB, dataAware }) command.Options.Add(option);
        Commands.SetAction(command, context, parse =>
        {
            var spec = specOptions.Build(parse);
            double sb = Values.NonNegative("--sigma-b", parse.GetValue(sigmaB)!, "0.1");
            if (parse.GetValue(phase))
            {
                if (parse.GetValue(activation) is not { } name)
                    throw new UsageException($"--phase needs --activation NAME; valid: {string.Join(", ", ActivationRegistry.Names)}");
                var act = ActivationRegistry.Get(Values.Activation("--activation", name));
                if (parse.GetValue(output) is not { } o) throw new UsageException("--phase needs --out FILE.csv for the curve (the figure is written beside it)");
                return WritePhase(context, spec, act, sb, Values.OutputFile("--out", o, ".csv"));
            }
            if (parse.GetValue(activation) is not null) throw new UsageException("--activation is only for --phase; the table covers the spec's --activations");
            bool aware = parse.GetValue(dataAware);
            if (aware && sb != 0) throw new UsageException("--data-aware: the runs' biases start at 0, so it takes no --sigma-b");
            string? path = parse.GetValue(output) is { } p ? Values.OutputFile("--out", p, ".csv") : null;
            return Table(context, spec, aware ? DataAwarePredictions(spec) : Predictions(spec, sb), path);
        });
        return command;
    }

    private static IEnumerable<NetworkPrediction> Predictions(AblationSpec spec, double sigmaB)
    {
        double x2 = NetworkTheory.XorMeanSquaredNorm(spec.Noise);
        foreach (var s in spec.Settings())
            yield return NetworkTheory.Predict(spec.Architecture, ActivationRegistry.Get(s.Activation), InitSchemes.Parse(s.Init), s.Scale, x2, sigmaB);
    }

    // Each setting's data-aware prediction, geometric mean over the spec's seeds (q: arithmetic mean), as one network's rows.
    private static IEnumerable<NetworkPrediction> DataAwarePredictions(AblationSpec spec)
    {
        var arch = spec.Architecture;
        foreach (var s in spec.Settings())
        {
            var p = TheoryPredictions.ForSetting(spec, s);
            var layers = Enumerable.Range(1, arch.HiddenLayerCount)
                .Select(l => new LayerPrediction(l, arch.Widths[l - 1], arch.Widths[l], p.Q[l - 1], p.Chi(l), p.DeltaRel(l), double.NaN))
                .ToArray();
            yield return new NetworkPrediction(s.Activation, s.Init, s.Scale, layers, double.NaN);
        }
    }

    private static int Table(CliContext context, AblationSpec spec, IEnumerable<NetworkPrediction> predictionsOf, string? path)
    {
        var predictions = predictionsOf.ToArray();
        if (path is null)
        {
            var table = new TableView(Header.Split(',')).AlignRight(2, 3, 4, 5, 6, 7, 8);
            foreach (var p in predictions)
                foreach (var l in p.Hidden)
                    table.Add(p.Activation, p.Init, Numbers.Format(p.Scale), Numbers.Format(l.Layer), Numbers.Format(l.FanIn), Numbers.Format(l.FanOut),
                        Values.Format(l.Q, "G6"), Values.Format(l.Chi, "G6"), Values.Format(l.DeltaRel, "G6"));
            table.Write(context);
            return ExitCodes.Success;
        }
        AtomicFile.WriteText(path, w =>
        {
            w.Write(Header + "\n");
            foreach (var p in predictions)
                foreach (var l in p.Hidden)
                    w.Write(string.Join(',', p.Activation, p.Init, Numbers.Format(p.Scale), Numbers.Format(l.Layer), Numbers.Format(l.FanIn), Numbers.Format(l.FanOut),
                        Numbers.Format(l.Q), Numbers.Format(l.Chi), Numbers.Format(l.DeltaRel)) + "\n");
        });
        context.Out.WriteLine($"wrote {path}");
        return ExitCodes.Success;
    }

    private static int WritePhase(CliContext context, AblationSpec spec, Activation activation, double sigmaB, string path)
    {
        var curve = EdgeOfChaos.Curve(activation);
        var marks = new List<PhaseMark>();
        foreach (string init in spec.Inits)
            foreach (double scale in spec.Scales)
            {
                double w2 = NetworkTheory.HiddenSigmaW2(spec.Architecture, InitSchemes.Parse(init), scale);
                var analysis = new SignalPropagation(activation, w2, sigmaB * sigmaB).Analyse();
                marks.Add(new PhaseMark($"{init} ×{Numbers.Format(scale)}", Math.Sqrt(w2), sigmaB, analysis.Phase));
            }
        AtomicFile.WriteText(path, w =>
        {
            w.Write("activation,q_star,sigma_w,sigma_b\n");
            foreach (var p in curve)
                w.Write(string.Join(',', activation.Name, Numbers.Format(p.QStar), Numbers.Format(p.SigmaW), Numbers.Format(p.SigmaB)) + "\n");
        });
        context.Out.WriteLine($"wrote {path}");
        string stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        foreach (var file in PhaseDiagram.Write(activation, curve, marks, stem)) context.Out.WriteLine($"wrote {file}");
        foreach (var m in marks) context.Out.WriteLine($"{activation.Name} {m.Label}: σ_w {Values.Format(m.SigmaW, "G4")}, σ_b {Values.Format(m.SigmaB, "G4")}, {m.Phase.ToString().ToLowerInvariant()}");
        return ExitCodes.Success;
    }
}
