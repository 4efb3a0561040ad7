using GradFlow.Experiments;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>
/// What a finished run prints about its files: one line per kind of output with its folder and count
/// (not one line per figure: the paper preset writes 96), and the full list in manifest.json.
/// </summary>
public sealed class OutputSummaryTests : TempFolder
{
    [Fact]
    public void Run_Finished_PrintsOneLinePerKindAndListsEveryFileInTheManifest()
    {
        var result = Run("run", "--preset", "smoke", "--scales", "0.5,1", "--seeds", "0-1", "--epochs", "3", "--n", "40", "--out", Path("s"));

        Assert.True(result.Exit == 0, result.ToString());
        var wrote = result.OutLines.Where(l => l.StartsWith("wrote", StringComparison.Ordinal)).ToArray();
        Assert.True(wrote.Length <= 5, string.Join("\n", wrote));
        int pngs = Directory.GetFiles(Path("s", "plots"), "*.png").Length, svgs = Directory.GetFiles(Path("s", "plots"), "*.svg").Length;
        Assert.Contains($"wrote {Path("s", "runs")}: 8 run files", wrote);
        Assert.Contains($"wrote {Path("s", "summary")}: 4 summaries", wrote);
        Assert.Contains($"wrote {Path("s", "plots")}: {pngs + svgs} figure files ({pngs} PNG, {svgs} SVG)", wrote);
        Assert.Contains($"wrote {Path("s")}: claims.csv, final.csv, report.md, stats.csv, manifest.json (every file listed in it)", wrote);

        var listed = new ResultStore(Path("s")).ReadManifest()!.Outputs!;
        var onDisk = Directory.GetFiles(Path("s"), "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path("s"), f).Replace('\\', '/'))
            .Where(f => !f.StartsWith('.') && f != "manifest.json").Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, listed);
    }
}
