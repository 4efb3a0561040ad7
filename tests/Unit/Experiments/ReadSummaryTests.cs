using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class ReadSummaryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gradflow-summary-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ReadSummary_OfWrittenSummary_GivesBackEveryValueBitForBit()
    {
        var store = new ResultStore(_root);
        var key = new SettingKey("tanh", "xavier", 0.5);
        var written = new SettingSummary(key, ["train_loss", "grad_norm_L1"], [0, 5, 10],
            [[1.0 / 3, 2.0 / 3, double.Epsilon], [1e-300, 12345.678901234567, double.NaN]],
            [[0.1, 0.2, 0.30000000000000004], [0, double.PositiveInfinity, 5e-324]],
            SeedCount: 7, DivergedCount: 0);
        store.WriteSummary(written);

        var read = store.ReadSummary(key);

        Assert.Equal(key, read.Setting);
        Assert.Equal(written.Metrics, read.Metrics);
        Assert.Equal(written.Epochs, read.Epochs);
        Assert.Equal(7, read.SeedCount);
        for (int m = 0; m < 2; m++)
            for (int r = 0; r < 3; r++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(written.Mean[m][r]), BitConverter.DoubleToInt64Bits(read.Mean[m][r]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(written.Std[m][r]), BitConverter.DoubleToInt64Bits(read.Std[m][r]));
            }
    }

    [Fact]
    public void ReadSummary_HeaderWithoutMeanStdPairs_ThrowsNamingTheFile()
    {
        var store = new ResultStore(_root);
        var key = new SettingKey("relu", "xavier", 1.0);
        Directory.CreateDirectory(store.SummaryDirectory);
        File.WriteAllText(store.SummaryPath(key), "epoch,n_seeds,train_loss_mean,test_loss_std\n0,1,0.5,0.1\n");
        var e = Assert.Throws<InvalidDataException>(() => store.ReadSummary(key));
        Assert.Contains(store.SummaryPath(key), e.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
