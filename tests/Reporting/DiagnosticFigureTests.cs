using GradFlow.Experiments;
using GradFlow.Reporting;

namespace GradFlow.Tests.Reporting;

/// <summary>
/// The figures of the gradient-flow diagnostics (z_near0_rate, z_p90_abs, dphi_p01_abs, delta_norm_L{i}),
/// drawn from a real sweep that records them.
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

/// <summary>A small real sweep, reported once.</summary>
public sealed class DiagnosticSweepFixture : IDisposable
{
    public static readonly string[] Activations = ["relu", "tanh", "arctan", "softsign"];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gradflow-diag-" + Guid.NewGuid().ToString("N"));

    public DiagnosticSweepFixture()
    {
        var spec = Presets.Paper with { Activations = Activations, Scales = [1.0], Seeds = [0, 1], N = 60, Epochs = 25 };
        var outcome = SweepRunner.Run(spec, Path.Combine(_root, "real"));
        ReportWriter.Write(outcome);
        Plots = outcome.Store.PlotsDirectory;
    }

    public string Plots { get; }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
