using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>gradflow plot</c> draws a recorded metric of a results folder, filtered and with axis limits.</summary>
public sealed class PlotTests(SmallResults results) : IClassFixture<SmallResults>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("f.png")]
    [InlineData("f.svg")]
    public void Plot_RecordedMetricWithFilterAndLimits_WritesTheFigure(string file)
    {
        string path = _temp.Path(file);

        var result = Run("plot", "--results", results.Folder, "--metric", "grad_norm_L1", "--activations", "relu,tanh", "--init", "xavier",
            "--scale", "0.5", "--x-min", "0", "--x-max", "2", "--y-min", "1e-4", "--y-max", "1", "--save", path);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is missing or tiny");
        Assert.Empty(result.Err);
    }
}
