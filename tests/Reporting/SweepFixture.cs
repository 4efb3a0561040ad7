using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Reporting;

/// <summary>A real sweep in a temporary folder, reported once and shared by the tests of a class.</summary>
public abstract class SweepFixture : IDisposable
{
    protected SweepFixture(AblationSpec spec, System.Globalization.CultureInfo? culture = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "gradflow-report-" + Guid.NewGuid().ToString("N"));
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            if (culture is not null) System.Globalization.CultureInfo.CurrentCulture = culture;
            Outcome = SweepRunner.Run(spec, Directory);
            Written = ReportWriter.Write(Outcome);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
        Report = File.ReadAllText(Outcome.Store.ReportPath);
    }

    public string Directory { get; }
    public SweepOutcome Outcome { get; }
    public IReadOnlyList<string> Written { get; }
    public string Report { get; }
    public AblationSpec Spec => Outcome.Spec;
    public string Plots => Outcome.Store.PlotsDirectory;

    public bool Records(string metric) => Outcome.Summaries.All(s => s.Metrics.Contains(metric));

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The paper study made small: all four activations, Xavier at 0.5 and 2, three seeds, 60 epochs.</summary>
public sealed class PaperSweepFixture() : SweepFixture(Presets.Paper with
{
    Activations = ["relu", "tanh", "arctan", "softsign"],
    Scales = [0.5, 2.0],
    Seeds = [0, 1, 2],
    N = 80,
    Epochs = 60,
});

/// <summary>The seed study (one seed, no test split) made short, reported under a comma-decimal culture.</summary>
public sealed class SeedSweepFixture() : SweepFixture(Presets.Seed with { Epochs = 40 }, new System.Globalization.CultureInfo("de-DE"));
