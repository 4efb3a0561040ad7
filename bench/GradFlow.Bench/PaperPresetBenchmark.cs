using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Bench;

/// <summary>
/// The whole `paper` preset as a user runs it: 120 runs × 3000 epochs, every metric every epoch, the run
/// files, summaries, final table and statistics written to a fresh temporary folder. The target
/// (≤ 15 s of wall time on a 2-core machine, aiming at 10 s) is this benchmark's mean with Threads = 2.
/// One cold invocation per iteration: a sweep is seconds long, so the JIT's warm-up is part of what a user waits for.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class PaperPresetBenchmark
{
    private string _root = "";
    private string _folder = "";

    [Params(2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _root = Directory.CreateTempSubdirectory("gradflow-paper-bench-").FullName;

    [IterationSetup]
    public void NewFolder() => _folder = Path.Combine(_root, Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Benchmark]
    public int PaperSweep() => SweepRunner.Run(Presets.Paper, _folder, new SweepOptions(Threads)).Runs.Count;

    /// <summary>`gradflow run --preset paper` end to end: the sweep, then its 51 figures (PNG and SVG), claims.csv and report.md; minus <see cref="PaperSweep"/>, the time after the sweep.</summary>
    [Benchmark]
    public int PaperSweepAndReport() => ReportWriter.Write(SweepRunner.Run(Presets.Paper, _folder, new SweepOptions(Threads))).Count;
}
