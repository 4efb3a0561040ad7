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
        var specOptions = new SpecOptions();
        var threads = Commands.Text("--threads", "Runs in parallel; 0 means one per core", "0");
        var shard = Commands.Text("--shard", "Run only shard i of n (1-based), e.g. 1/4; merge the shard folders with 'gradflow merge'");
        var output = Commands.Text("--out", "Results folder [default: results/<preset>]");
        var dryRun = Commands.Flag("--dry-run", "List the runs the spec expands to (with --shard, the ones this shard owns) and run nothing");

        var command = new Command("run", "Run an ablation sweep into a results folder: runs/, summary/, final.csv, manifest.json, then plots/ and report.md. " +
                                         "A folder holding part of the same sweep is resumed.");
        specOptions.AddTo(command);
        foreach (var option in new Option[] { threads, shard, output, dryRun }) command.Options.Add(option);
        Commands.SetAction(command, context, parse =>
        {
            var spec = specOptions.Build(parse);
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
        (spec.Rates.Count > 1 ? $"lrs {string.Join(",", spec.Rates.Select(Numbers.Format))}" : $"lr {Numbers.Format(spec.Rates[0])}") +
        $", {Numbers.Format(spec.Epochs)} epochs" + (spec.CurvatureEvery > 0 ? $", curvature every {Numbers.Format(spec.CurvatureEvery)}" : "");

    private static string Count(int count, string noun) => Numbers.Format(count) + " " + noun + (count == 1 ? "" : "s");

    private static int Sweep(CliContext context, AblationSpec spec, string dir, SweepOptions options)
    {
        var shard = options.EffectiveShard;
        int total = spec.Runs().Count;
        int mine = Enumerable.Range(0, total).Count(shard.Owns);
        // Said before the header, so that a Ctrl+C right after the header already names the runs.
        context.Interruption.WaitingFor = "the runs in progress to stop at their next epoch (finished runs stay on disk)";
        context.Out.WriteLine($"{spec.Name}: {Describe(spec)}");
        var outcome = SweepProgressView.Run(context, mine, progress => SweepRunner.Run(spec, dir, options with { Progress = progress }));

        var w = context.Out;
        string resumed = outcome.ResumedCount > 0 ? $" ({Numbers.Format(outcome.ResumedCount)} already on disk)" : "";
        w.WriteLine($"{Count(outcome.Runs.Count, "run")}{resumed} in {Values.Format(outcome.Elapsed.TotalSeconds, "0.0")} s into {outcome.Store.Root}");
        if (!shard.IsWhole)
        {
            w.WriteLine($"shard {shard} done; when every shard is, run: gradflow merge --out DIR <the {Numbers.Format(shard.Count)} shard folders>");
            return ExitCodes.Success;
        }
        FinishWhole(context, outcome, options.Threads);
        context.Cancellation.ThrowIfCancellationRequested();
        return ExitCodes.Success;
    }

    /// <summary>The final accuracy per setting, then the reporting layer's figures and report, on at most <paramref name="threads"/> threads (0: one per core, as <c>--threads</c>).</summary>
    internal static void FinishWhole(CliContext context, SweepOutcome outcome, int threads = 0)
    {
        string metric = outcome.Spec.AccuracyMetric;
        // An lr column only on a multi-rate sweep, so that every other sweep prints as before.
        bool rates = outcome.Spec.Rates.Count > 1;
        string[] head = ["activation", "init", "scale", .. rates ? new[] { "lr" } : [], "seeds", $"{metric} mean", "std", "diverged"];
        var table = new TableView(head).AlignRight(Enumerable.Range(2, head.Length - 2).ToArray());
        foreach (var s in outcome.Summaries)
        {
            bool has = s.Epochs.Length > 0 && s.Metrics.Contains(metric);
            string[] lr = rates ? [Numbers.Format(outcome.Spec.RateOf(s.Setting))] : [];
            table.Add([s.Setting.Activation, s.Setting.Init, Numbers.Format(s.Setting.Scale), .. lr, Numbers.Format(s.SeedCount),
                has ? Values.Format(s.MeanOf(metric)[^1], "0.0000") : "-", has ? Values.Format(s.StdOf(metric)[^1], "0.0000") : "-",
                Numbers.Format(s.DivergedCount)]);
        }
        table.Write(context);
        context.Cancellation.ThrowIfCancellationRequested();
        context.Interruption.WaitingFor = "the figure being drawn (runs, summaries and final.csv are on disk)";
        ReportWriter.Write(outcome, context.Cancellation, threads: threads);
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
