using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Reporting;

/// <summary>
/// <c>--threads</c> bounds the report's threads too, and changes none of its bytes. The SVGs are left out:
/// Skia numbers their clip paths from a counter of the whole process, so a second report in one process
/// differs there whatever its threads (a report in a fresh process is compared byte for byte by the CLI tests).
/// </summary>
public sealed class ReportWriterThreadsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gradflow-threads-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_OneThread_SameFiguresAndReportAsOnePerCore()
    {
        var outcome = SweepRunner.Run(Presets.Smoke with { Epochs = 20, N = 40 }, _dir);
        ReportWriter.Write(outcome, CancellationToken.None, threads: 0);
        var everyCore = Files(outcome.Store);

        ReportWriter.Write(outcome, CancellationToken.None, threads: 1);
        var oneThread = Files(outcome.Store);

        Assert.Equal(everyCore.Keys, oneThread.Keys);
        Assert.Contains(everyCore.Keys, k => k.EndsWith(".png", StringComparison.Ordinal));
        foreach (var (name, bytes) in everyCore)
            Assert.True(bytes.AsSpan().SequenceEqual(oneThread[name]), $"{name} differs between one thread and one per core");
    }

    // The PNGs, report.md and claims.csv by name.
    private static SortedDictionary<string, byte[]> Files(ResultStore store) =>
        new(Directory.EnumerateFiles(store.PlotsDirectory, "*.png").Append(store.ReportPath).Append(Path.Combine(store.Root, "claims.csv"))
            .ToDictionary(f => Path.GetRelativePath(store.Root, f), File.ReadAllBytes), StringComparer.Ordinal);
}
