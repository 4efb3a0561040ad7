using System.CommandLine;
using GradFlow.Experiments;
using GradFlow.IO;
using GradFlow.Reporting;

namespace GradFlow.Cli;

/// <summary><c>gradflow run</c>: a preset, with any field overridden, swept into a results folder.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var preset = Commands.Text("--preset", $"The preset the run starts from: {string.Join(", ", Presets.Names)} (see 'gradflow presets')", "seed");
        var activations = Commands.Text("--activations", "Hidden activations, comma-separated, e.g. relu,tanh [default: the preset's]");
        var inits = Commands.Text("--inits", "Weight inits, comma-separated: xavier, he, lecun, gaussian [default: the preset's]");
        var scales = Commands.Text("--scales", "Init scales s, comma-separated, each > 0, e.g. 0.5,1,2 [default: the preset's]");
        var seeds = Commands.Text("--seeds", "Seeds for data, split and init: 0-9, 0,3,7 or 0-2,7 [default: the preset's]");
        var epochs = Commands.Text("--epochs", "Epochs of full-batch gradient descent, > 0 [default: the preset's]");
        var arch = Commands.Text("--arch", "Layer widths, input 2 and output 1, e.g. 2,16,16,1 [default: the preset's]");
        var lr = Commands.Text("--lr", "Learning rate, a finite number > 0 [default: the preset's, 0.05]");
        var n = Commands.Text("--n", "Points of noisy XOR, > 0 [default: the preset's, 300]");
        var noise = Commands.Text("--noise", "Std of the Gaussian input noise, >= 0 [default: the preset's, 0.1]");
        var testSize = Commands.Text("--test-size", "Test fraction in [0, 1); 0 means no split [default: the preset's]");
        var relabel = Commands.Flag("--relabel-after-noise", "Label the points after adding the noise, not before [default: the preset's, off]");
        var derivEps = Commands.Text("--deriv-eps", "Threshold below which |φ′(z)| counts as vanishing, > 0 [default: the preset's, 0.001]");
        var zLinearEps = Commands.Text("--z-linear-eps", "Threshold below which |z| counts as near 0 (linear regime), > 0 [default: the preset's, 0.1]");
        var logEvery = Commands.Text("--log-every", "Record every K-th epoch (and the last), K > 0 [default: the preset's, 1]");
        var threads = Commands.Text("--threads", "Runs in parallel; 0 means one per core", "0");
        var shard = Commands.Text("--shard", "Run only shard i of n (1-based), e.g. 1/4; merge the shard folders with 'gradflow merge'");
        var output = Commands.Text("--out", "Results folder [default: results/<preset>]");
        var dryRun = Commands.Flag("--dry-run", "List the runs the spec expands to (with --shard, the ones this shard owns) and run nothing");

        var command = new Command("run", "Run an ablation sweep into a results folder: runs/, summary/, final.csv, manifest.json, then plots/ and report.md. " +
                                         "A folder holding part of the same sweep is resumed.")
        {
            preset, activations, inits, scales, seeds, epochs, arch, lr, n, noise, testSize, relabel, derivEps, zLinearEps, logEvery, threads, shard, output, dryRun,
        };
        Commands.SetAction(command, context, parse =>
        {
            var spec = Preset(parse.GetValue(preset)!);
            if (parse.GetValue(activations) is { } a) spec = spec with { Activations = Values.Activations("--activations", a) };
            if (parse.GetValue(inits) is { } i) spec = spec with { Inits = Values.Inits("--inits", i) };
            if (parse.GetValue(scales) is { } s) spec = spec with { Scales = Values.Scales("--scales", s) };
            if (parse.GetValue(seeds) is { } sd) spec = spec with { Seeds = Values.Seeds("--seeds", sd) };
            if (parse.GetValue(epochs) is { } e) spec = spec with { Epochs = Values.Integer("--epochs", e, 1, "3000") };
            if (parse.GetValue(arch) is { } ar) spec = spec with { Arch = Values.Arch("--arch", ar).Widths.ToArray() };
            if (parse.GetValue(lr) is { } l) spec = spec with { LearningRate = Values.Positive("--lr", l, "0.05") };
            if (parse.GetValue(n) is { } nn) spec = spec with { N = Values.Integer("--n", nn, 1, "300") };
            if (parse.GetValue(noise) is { } no) spec = spec with { Noise = Values.NonNegative("--noise", no, "0.1") };
            if (parse.GetValue(testSize) is { } ts) spec = spec with { TestSize = Values.TestSize("--test-size", ts) };
            if (parse.GetValue(relabel)) spec = spec with { RelabelAfterNoise = true };
            if (parse.GetValue(derivEps) is { } de) spec = spec with { DerivEps = Values.Positive("--deriv-eps", de, "0.001") };
            if (parse.GetValue(zLinearEps) is { } ze) spec = spec with { ZLinearEps = Values.Positive("--z-linear-eps", ze, "0.1") };
            if (parse.GetValue(logEvery) is { } le) spec = spec with { LogEvery = Values.Integer("--log-every", le, 1, "10") };
            spec.Validate();
            int threadCount = Values.Integer("--threads", parse.GetValue(threads)!, 0, "8");
            var theShard = parse.GetValue(shard) is { } sh ? ParseShard(sh) : Shard.Whole;
            string dir = parse.GetValue(output) ?? Path.Combine("results", spec.Name);
            if (string.IsNullOrWhiteSpace(dir)) throw new UsageException("--out: the path is empty; expected a folder for the results");

            if (parse.GetValue(dryRun)) return DryRun(context, spec, theShard, new ResultStore(dir));
            int owned = Enumerable.Range(0, spec.Runs().Count).Count(theShard.Owns);
            int effectiveThreads = threadCount > 0 ? threadCount : Environment.ProcessorCount;
            if (spec.MemoryProblem(effectiveThreads, owned, context.Memory) is { } tooBig) throw new SpecException(tooBig);
            var notice = (string line) => { lock (context.Out) context.Out.WriteLine(line); };
            return Sweep(context, spec, dir, new SweepOptions(threadCount, theShard, Cancellation: context.Cancellation, AvailableMemory: context.Memory, Notice: notice));
        });
        return command;
    }

    private static AblationSpec Preset(string name)
    {
        try { return Presets.Get(name); }
        catch (SpecException e) { throw new UsageException("--preset: " + e.Message); }
    }

    private static Shard ParseShard(string text)
    {
        try { return Shard.Parse(text); }
        catch (SpecException) { throw new UsageException($"--shard: '{text}' is not i/n with 1 <= i <= n; expected e.g. 1/4"); }
    }

    private static int DryRun(CliContext context, AblationSpec spec, Shard shard, ResultStore store)
    {
        var runs = spec.Runs();
        var owned = Enumerable.Range(0, runs.Count).Where(shard.Owns).ToArray();
        var w = context.Out;
        w.WriteLine($"{spec.Name}: {Describe(spec)}");
        w.WriteLine(shard.IsWhole
            ? $"{Numbers.Format(runs.Count)} runs into {store.Root} (dry run: nothing is run or written)"
            : $"shard {shard} owns {Numbers.Format(owned.Length)} of {Numbers.Format(runs.Count)} runs, into {store.Root} (dry run: nothing is run or written)");
        foreach (int r in owned)
            w.WriteLine(store.HasRun(runs[r]) ? $"{runs[r].Stem}  (on disk)" : runs[r].Stem);
        return ExitCodes.Success;
    }

    internal static string Describe(AblationSpec spec) =>
        $"{Count(spec.Activations.Count, "activation")} × {Count(spec.Inits.Count, "init")} × {Count(spec.Scales.Count, "scale")} × {Count(spec.Seeds.Count, "seed")}; " +
        $"[{string.Join(",", spec.Arch)}], n {Numbers.Format(spec.N)}, noise {Numbers.Format(spec.Noise)}, test size {Numbers.Format(spec.TestSize)}, " +
        $"lr {Numbers.Format(spec.LearningRate)}, {Numbers.Format(spec.Epochs)} epochs";

    private static string Count(int count, string noun) => Numbers.Format(count) + " " + noun + (count == 1 ? "" : "s");

    private static int Sweep(CliContext context, AblationSpec spec, string dir, SweepOptions options)
    {
        var shard = options.EffectiveShard;
        int total = spec.Runs().Count;
        int mine = Enumerable.Range(0, total).Count(shard.Owns);
        context.Out.WriteLine($"{spec.Name}: {Describe(spec)}");
        context.Interruption.WaitingFor = "the runs in progress to stop at their next epoch (finished runs stay on disk)";
        var outcome = SweepProgressView.Run(context, mine, progress => SweepRunner.Run(spec, dir, options with { Progress = progress }));

        var w = context.Out;
        string resumed = outcome.ResumedCount > 0 ? $" ({Numbers.Format(outcome.ResumedCount)} already on disk)" : "";
        w.WriteLine($"{Count(outcome.Runs.Count, "run")}{resumed} in {Values.Format(outcome.Elapsed.TotalSeconds, "0.0")} s into {outcome.Store.Root}");
        if (!shard.IsWhole)
        {
            w.WriteLine($"shard {shard} done; when every shard is, run: gradflow merge --out DIR <the {Numbers.Format(shard.Count)} shard folders>");
            return ExitCodes.Success;
        }
        FinishWhole(context, outcome);
        context.Cancellation.ThrowIfCancellationRequested();
        return ExitCodes.Success;
    }

    /// <summary>The final accuracy per setting, then the reporting layer's figures and report.</summary>
    internal static void FinishWhole(CliContext context, SweepOutcome outcome)
    {
        string metric = outcome.Spec.AccuracyMetric;
        var table = new TableView("activation", "init", "scale", "seeds", $"{metric} mean", "std", "diverged").AlignRight(2, 3, 4, 5, 6);
        foreach (var s in outcome.Summaries)
        {
            bool has = s.Epochs.Length > 0 && s.Metrics.Contains(metric);
            table.Add(s.Setting.Activation, s.Setting.Init, Numbers.Format(s.Setting.Scale), Numbers.Format(s.SeedCount),
                has ? Values.Format(s.MeanOf(metric)[^1], "0.0000") : "-", has ? Values.Format(s.StdOf(metric)[^1], "0.0000") : "-",
                Numbers.Format(s.DivergedCount));
        }
        table.Write(context);
        context.Cancellation.ThrowIfCancellationRequested();
        context.Interruption.WaitingFor = "the figure being drawn (runs, summaries and final.csv are on disk)";
        ReportWriter.Write(outcome, context.Cancellation);
        WriteSummary(context, outcome.Store);
    }

    // One line per kind of output, with its folder and count; the full list goes into the manifest.
    private static void WriteSummary(CliContext context, ResultStore store)
    {
        string[] Files(string dir, string pattern) =>
            Directory.Exists(dir) ? Directory.GetFiles(dir, pattern).Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray() : [];
        var outputs = Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(store.Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith('.') && !f.Contains("/.", StringComparison.Ordinal) && f != Path.GetFileName(store.ManifestPath))
            .Order(StringComparer.Ordinal).ToArray();
        if (store.ReadManifest() is { } manifest) store.WriteManifest(manifest with { Outputs = outputs });
        int pngs = Files(store.PlotsDirectory, "*.png").Length, svgs = Files(store.PlotsDirectory, "*.svg").Length;
        var w = context.Out;
        w.WriteLine($"wrote {store.RunsDirectory}: {Count(Files(store.RunsDirectory, "*.csv").Length, "run file")}");
        w.WriteLine($"wrote {store.SummaryDirectory}: {Numbers.Format(Files(store.SummaryDirectory, "*.csv").Length)} summaries");
        w.WriteLine($"wrote {store.PlotsDirectory}: {Numbers.Format(pngs + svgs)} figure files ({Numbers.Format(pngs)} PNG, {Numbers.Format(svgs)} SVG)");
        var top = outputs.Where(f => !f.Contains('/')).Append(Path.GetFileName(store.ManifestPath) + " (every file listed in it)");
        w.WriteLine($"wrote {store.Root}: {string.Join(", ", top)}");
    }
}
