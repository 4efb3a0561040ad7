using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>A small finished sweep (relu and tanh, scales 0.5 and 1, three epochs) that the plot tests read.</summary>
public sealed class SmallResults : TempFolder
{
    public SmallResults()
    {
        var result = Run("run", "--preset", "smoke", "--scales", "0.5,1", "--epochs", "3", "--n", "40", "--out", Folder);
        if (result.Exit != 0) throw new InvalidOperationException(result.ToString());
    }

    public string Folder => Path("results");
}

/// <summary><c>gradflow plot</c> validates everything before drawing: the folder, the metric, the filters, the limits, the file.</summary>
public sealed class PlotBadInputTests(SmallResults results) : IClassFixture<SmallResults>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private CliResult Plot(params string[] options) =>
        Run(["plot", "--results", results.Folder, "--save", _temp.Path("f.png"), .. options, .. options.Contains("--metric") ? Array.Empty<string>() : ["--metric", "train_loss"]]);

    [Theory]
    [InlineData("--y-max", "1e308")]
    [InlineData("--y-min", "-1e308")]
    [InlineData("--x-max", "1e301")]
    public void Plot_LimitBeyondTheAxisRange_IsRefusedNotIgnored(string option, string value) =>
        AssertBadInput(Plot(option, value), option, _temp.Path("f.png"));

    [Fact]
    public void Plot_ResultsFolderMissing_IsRejected() =>
        AssertBadInput(Run("plot", "--results", _temp.Path("nope"), "--metric", "train_loss", "--save", _temp.Path("f.png")), "--results", _temp.Path("f.png"));

    [Fact]
    public void Plot_FolderWithoutManifest_IsNotAResultsFolder()
    {
        Directory.CreateDirectory(_temp.Path("plain"));
        var result = Run("plot", "--results", _temp.Path("plain"), "--metric", "train_loss", "--save", _temp.Path("f.png"));
        AssertBadInput(result, "manifest.json", _temp.Path("f.png"));
    }

    [Fact]
    public void Plot_UnknownMetric_ListsTheRecordedColumns()
    {
        var result = Plot("--metric", "no_such_metric");
        AssertBadInput(result, "--metric", _temp.Path("f.png"));
        var header = File.ReadLines(System.IO.Path.Combine(results.Folder, "runs", "relu_xavier_s1_seed0.csv")).First().Split(',');
        foreach (var column in header[1..^1]) Assert.Contains(column, result.Err);
        Assert.DoesNotContain("diverged_at", result.Err);
    }

    [Fact]
    public void Plot_UnknownMetric_ListsTheCatalogsNames()
    {
        var result = Plot("--metric", "no_such_metric");
        AssertBadInput(result, "--metric", _temp.Path("f.png"));
        foreach (var pattern in GradFlow.Metrics.MetricCatalog.Patterns) Assert.Contains(pattern, result.Err);
    }

    [Fact]
    public void Plot_CatalogMetricNotRecorded_SaysNotRecorded()
    {
        var result = Plot("--metric", "grad_norm_L9");
        AssertBadInput(result, "is not recorded", _temp.Path("f.png"));
    }

    [Fact]
    public void Plot_ActivationNotInTheResults_ListsTheOnesThere()
    {
        var result = Plot("--activations", "relu,softsign");
        AssertBadInput(result, "--activations", _temp.Path("f.png"));
        Assert.Contains("relu, tanh", result.Err);
    }

    [Fact]
    public void Plot_InitNotInTheResults_IsRejected() =>
        AssertBadInput(Plot("--init", "he"), "--init", _temp.Path("f.png"));

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("x")]
    public void Plot_ScaleNotInTheResults_IsRejected(string scale) =>
        AssertBadInput(Plot("--scale", scale), "--scale", _temp.Path("f.png"));

    [Theory]
    [InlineData("--x-min", "10", "--x-max", "5")]
    [InlineData("--y-min", "1", "--y-max", "1")]
    public void Plot_MinNotBelowMax_IsRejected(string minOption, string min, string maxOption, string max) =>
        AssertBadInput(Plot(minOption, min, maxOption, max), minOption, _temp.Path("f.png"));

    [Theory]
    [InlineData("--x-min", "abc")]
    [InlineData("--y-max", "Infinity")]
    [InlineData("--y-min", "0,5")]
    public void Plot_LimitNotANumber_IsRejected(string option, string value) =>
        AssertBadInput(Plot(option, value), option, _temp.Path("f.png"));

    [Theory]
    [InlineData("f.jpg")]
    [InlineData("f")]
    public void Plot_SaveNotPngOrSvg_IsRejected(string file)
    {
        var result = Run("plot", "--results", results.Folder, "--metric", "train_loss", "--save", _temp.Path(file));
        AssertBadInput(result, "--save", _temp.Path(file));
        Assert.Contains(".png or .svg", result.Err);
    }
}
