using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Reporting;

/// <summary>Ctrl+C while the figures are drawn stops before the next figure instead of drawing them all (seconds for the paper preset).</summary>
public sealed class ReportWriterCancellationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gradflow-cancel-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_Cancelled_StopsBeforeTheNextFigureAndWritesNoReport()
    {
        var spec = Presets.Smoke with { Epochs = 3, N = 40 };
        var outcome = SweepRunner.Run(spec, _dir);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ReportWriter.Write(outcome, cancel.Token));

        Assert.False(File.Exists(outcome.Store.ReportPath));
        Assert.False(Directory.Exists(outcome.Store.PlotsDirectory) && Directory.EnumerateFiles(outcome.Store.PlotsDirectory).Any());
    }
}
