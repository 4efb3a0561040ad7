using GradFlow.Experiments;
using GradFlow.Reporting;
using GradFlow.Training;

namespace GradFlow.Tests.Reporting;

/// <summary>
/// The figures of the gradient-flow diagnostics (z_near0_rate, z_p90_abs, dphi_p01_abs, delta_norm_L{i}),
/// drawn from a real sweep whose run logs are given those columns: the values are made up, and only
/// the figures' presence and make-up are checked, so these tests do not wait for the diagnostics.
/// </summary>
public sealed class DiagnosticFigureTests(DiagnosticSweepFixture sweep) : IClassFixture<DiagnosticSweepFixture>
{
    private static readonly string[] Activations = DiagnosticSweepFixture.Activations;
    private readonly string _plots = sweep.Plots;

    [Theory]
    [InlineData("z_near0_rate")]
    [InlineData("z_p90_abs")]
    [InlineData("dphi_p01_abs")]
    [InlineData("delta_norm_heatmap_relu")]
    [InlineData("delta_norm_heatmap_tanh")]
    [InlineData("delta_norm_heatmap_arctan")]
    [InlineData("delta_norm_heatmap_softsign")]
    public void Write_RecordedDiagnostic_DrawsItsFigure(string name)
    {
        ImageFile.AssertFigurePng(Path.Combine(_plots, name + ".png"));
        ImageFile.AssertFigureSvg(Path.Combine(_plots, name + ".svg"));
    }

    [Fact]
    public void DphiP01_ShowsTheSmoothActivationsOnly()
    {
        var texts = ImageFile.SvgTexts(Path.Combine(_plots, "dphi_p01_abs.svg"));
        foreach (var a in Activations.Skip(1)) Assert.Contains(a, texts);
        Assert.DoesNotContain("relu", texts);
    }

    [Fact]
    public void ZNear0Rate_ShowsEveryActivation()
    {
        var texts = ImageFile.SvgTexts(Path.Combine(_plots, "z_near0_rate.svg"));
        foreach (var a in Activations) Assert.Contains(a, texts);
        Assert.Contains("P(|z| ≤ z_linear_eps) (fraction)", texts);
    }

    [Fact]
    public void DeltaHeatmap_LabelsEveryLayerAndItsColorScale()
    {
        var texts = ImageFile.SvgTexts(Path.Combine(_plots, "delta_norm_heatmap_tanh.svg"));
        Assert.Contains("1", texts);
        Assert.Contains("2", texts);
        Assert.Contains("3 (out)", texts);
        Assert.Contains("log10 ‖∂L/∂z‖ (Frobenius)", texts);
    }
}

/// <summary>A real sweep whose run logs are given the diagnostics' columns (made-up values), reported once.</summary>
public sealed class DiagnosticSweepFixture : IDisposable
{
    public static readonly string[] Activations = ["relu", "tanh", "arctan", "softsign"];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gradflow-diag-" + Guid.NewGuid().ToString("N"));

    public DiagnosticSweepFixture()
    {
        var spec = Presets.Paper with { Activations = Activations, Scales = [1.0], Seeds = [0, 1], N = 60, Epochs = 25 };
        var real = SweepRunner.Run(spec, Path.Combine(_root, "real"));
        var runs = real.Runs.Select(WithDiagnostics).ToArray();
        var summaries = spec.Settings().Select(k => Aggregation.Summarize(k, runs.Where(r => r.Key.Setting == k).ToArray())).ToArray();
        var store = new ResultStore(Path.Combine(_root, "made-up"));
        ReportWriter.Write(new SweepOutcome(spec, store, runs, summaries, 0, TimeSpan.Zero));
        Plots = store.PlotsDirectory;
    }

    public string Plots { get; }

    /// <summary>The run with the diagnostics' columns added: positive norms that differ by layer, rates in [0, 1].</summary>
    private static RunResult WithDiagnostics(RunResult run)
    {
        var extra = new[] { "z_near0_rate", "z_p90_abs", "dphi_p01_abs", "delta_norm_L1", "delta_norm_L2", "delta_norm_L3" };
        var log = new RunLog(run.Log.Columns.Concat(extra).ToArray(), run.Log.Count);
        for (int r = 0; r < run.Log.Count; r++)
        {
            var row = log.Append(run.Log.Epoch(r));
            run.Log.Row(r).CopyTo(row);
            double acc = run.Log[r, "train_acc"];
            int c = run.Log.Columns.Count;
            row[c] = 1 - acc;
            row[c + 1] = 1 + acc;
            row[c + 2] = acc / 10;
            for (int i = 1; i <= 3; i++) row[c + 2 + i] = run.Log[r, $"grad_norm_L{i}"] * Math.Pow(10, i - 3);
        }
        return new RunResult(run.Key, log, run.DivergedAt);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
