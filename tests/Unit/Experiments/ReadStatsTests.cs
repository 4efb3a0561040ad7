using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class ReadStatsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gradflow-stats-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ReadStats_OfASweepsFolder_GivesBackTheOutcomesRecords()
    {
        var spec = new AblationSpec { Activations = ["relu", "tanh"], Scales = [0.5, 2.0], Seeds = [0, 1, 2], Arch = [2, 3, 1], N = 40, Epochs = 30 };
        var outcome = SweepRunner.Run(spec, _root);

        var read = new ResultStore(_root).ReadStats();

        Assert.Equal(outcome.Statistics!.Rows(), read.Rows());
        Assert.Equal(outcome.Statistics.Pairs, read.Pairs);
        Assert.Equal(2, read.Pairs.Count);
    }

    [Fact]
    public void ReadStats_WrongHeader_OneLineNamingTheFile()
    {
        Directory.CreateDirectory(_root);
        var store = new ResultStore(_root);
        File.WriteAllText(store.StatsPath, "a,b\n1,2\n");

        var e = Assert.Throws<InvalidDataException>(store.ReadStats);

        Assert.StartsWith(store.StatsPath + ": header must be init,init_scale", e.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
