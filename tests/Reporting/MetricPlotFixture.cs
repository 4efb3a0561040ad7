using GradFlow.Experiments;

namespace GradFlow.Tests.Reporting;

/// <summary>A finished two-activation, two-scale, two-seed sweep folder for MetricPlot to read (no report).</summary>
public sealed class MetricPlotFixture : IDisposable
{
    public MetricPlotFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "gradflow-metricplot-" + Guid.NewGuid().ToString("N"));
        Store = SweepRunner.Run(Presets.Paper with { Activations = ["relu", "tanh"], Scales = [0.5, 2.0], Seeds = [0, 1], N = 60, Epochs = 30 }, Path.Combine(Root, "results")).Store;
    }

    public string Root { get; }
    public ResultStore Store { get; }

    public string OutPath(string name) => Path.Combine(Root, "out-" + Guid.NewGuid().ToString("N"), name);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
