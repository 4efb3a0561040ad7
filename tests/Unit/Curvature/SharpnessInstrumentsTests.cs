using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class SharpnessInstrumentsTests
{
    [Fact]
    public void Observe_EveryKthEpoch_MeasuresTheDenseSpectrumAndNaNsBetween()
    {
        const double eta = 0.3;
        var arch = Architecture.Parse("2,5,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 2);
        var data = GradientGateTests.SmallData(2, 2);
        var instruments = new SharpnessInstruments(arch, data, eta, every: 3, runSeed: 4, new CurvatureOptions(LanczosSteps: 40, LanczosTolerance: 1e-12, ExactTraceMaxParameters: 100));
        var row = new double[4];

        instruments.Observe(3, model, row);

        var h = DenseHessian.Compute(model, data);
        var dense = SymmetricEigen.Decompose(h, vectors: false);
        Assert.Equal(dense.Max, row[0], 9);
        Assert.Equal(dense.Min, row[1], 9);
        Assert.Equal(h.Trace, row[2], 12);
        Assert.Equal(row[0] * eta / 2, row[3]);

        instruments.Observe(4, model, row);
        Assert.All(row, v => Assert.True(double.IsNaN(v)));
    }

    private static (Architecture Arch, Mlp Model, GradFlow.Data.Dataset Data) Small()
    {
        var arch = Architecture.Parse("2,4,1");
        return (arch, Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 5), GradientGateTests.SmallData(2, 5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Constructor_EveryNotPositive_Throws(int every)
    {
        var (arch, _, data) = Small();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SharpnessInstruments(arch, data, 0.1, every, 1));
        Assert.Contains("curvature-every must be a positive integer", e.Message);
    }

    [Fact]
    public void IsMeasured_EveryOne_MeasuresEachEpochFromZero()
    {
        var (arch, model, data) = Small();
        var instruments = new SharpnessInstruments(arch, data, 0.1, every: 1, runSeed: 1);
        var row = new double[5];
        row[4] = 7;

        instruments.Observe(0, model, row);

        Assert.True(instruments.IsMeasured(0) && instruments.IsMeasured(1));
        Assert.True(row.Take(4).All(double.IsFinite));
        Assert.Equal(SharpnessInstruments.ColumnNames, instruments.Columns);
        Assert.Equal(7, row[4]);
    }

    [Fact]
    public void Observe_OffEpoch_FillsOnlyItsFourColumns()
    {
        var (arch, model, data) = Small();
        var row = Enumerable.Repeat(1.0, 6).ToArray();

        new SharpnessInstruments(arch, data, 0.1, every: 4, runSeed: 1).Observe(6, model, row);

        Assert.True(row.Take(4).All(double.IsNaN));
        Assert.Equal([1.0, 1.0], row.Skip(4));
    }

    [Fact]
    public void Observe_EpochAndRunSeed_EachGiveTheirOwnProbes()
    {
        // A Hutchinson trace of the same Hessian from independent probes: the epoch and the run seed each change the stream.
        var (arch, model, data) = Small();
        double Trace(int epoch, int runSeed)
        {
            var row = new double[4];
            new SharpnessInstruments(arch, data, 0.1, every: 1, runSeed).Observe(epoch, model, row);
            return row[2];
        }

        Assert.Equal(Trace(2, 3), Trace(2, 3));
        Assert.NotEqual(Trace(2, 3), Trace(5, 3));
        Assert.NotEqual(Trace(2, 3), Trace(2, 4));
        Assert.NotEqual(Trace(0, 3), Trace(0, 4));
    }
}
