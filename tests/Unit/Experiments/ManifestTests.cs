using System.Text.Json;
using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class ManifestTests
{
    [Fact]
    public void Defaults_NewManifest_AreTheFormatVersionWholeShardAndNoTimings()
    {
        var manifest = new Manifest { Spec = new AblationSpec() };

        Assert.Equal("gradflow.results/1", Manifest.CurrentFormat);
        Assert.Equal("gradflow.results/1", manifest.Format);
        Assert.Equal(BuildPropsVersion(), manifest.GradflowVersion);
        Assert.Equal("1/1", manifest.Shard);
        Assert.Equal(0, manifest.Runs);
        Assert.Equal(default, manifest.StartedUtc);
        Assert.Null(manifest.FinishedUtc);
        Assert.Null(manifest.ElapsedSeconds);
        Assert.Null(manifest.Outputs);
    }

    [Fact]
    public void Serialize_WithoutOutputs_LeavesThemOutAndKeepsTheFieldOrder()
    {
        var manifest = new Manifest { Spec = new AblationSpec(), Runs = 3, Shard = "2/4" };

        var json = JsonSerializer.SerializeToElement(manifest, ResultStore.JsonOptions);

        Assert.Equal(["format", "gradflow_version", "spec", "shard", "runs", "started_utc", "finished_utc", "elapsed_seconds"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2/4", json.GetProperty("shard").GetString());
        Assert.Equal(3, json.GetProperty("runs").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("finished_utc").ValueKind);
    }

    [Fact]
    public void Serialize_WithOutputs_WritesThemLast()
    {
        var manifest = new Manifest { Spec = new AblationSpec(), Outputs = ["final.csv", "runs/a.csv"] };

        var json = JsonSerializer.SerializeToElement(manifest, ResultStore.JsonOptions);

        Assert.Equal("outputs", json.EnumerateObject().Last().Name);
        Assert.Equal(["final.csv", "runs/a.csv"], json.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>The version the repository's Directory.Build.props declares (found above the test binaries).</summary>
    private static string BuildPropsVersion()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string props = Path.Combine(dir.FullName, "Directory.Build.props");
            if (File.Exists(props))
                return System.Text.RegularExpressions.Regex.Match(File.ReadAllText(props), "<Version>([^<]+)</Version>").Groups[1].Value;
        }
        throw new InvalidOperationException("no Directory.Build.props above " + AppContext.BaseDirectory);
    }
}
