using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Diagnostics;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Diagnostics;

/// <summary>
/// What <see cref="GradientFlowMetrics"/> refuses: each bad constructor argument (named in the exception),
/// a size that overflows, and caches, passes or rows of another shape than the metrics were built for.
/// </summary>
public sealed class GradientFlowMetricsArgumentTests
{
    private static readonly Architecture Arch = new([2, 3, 2, 1]);
    private const int Rows = 2;

    [Fact]
    public void Constructor_NullArchitecture_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new GradientFlowMetrics(null!, Activation<Relu>.Instance, Rows));
        Assert.Equal("arch", e.ParamName);
    }

    [Fact]
    public void Constructor_NullActivation_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new GradientFlowMetrics(Arch, null!, Rows));
        Assert.Equal("activation", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NoTrainingRow_ThrowsNamingTheCount(int trainCount)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GradientFlowMetrics(Arch, Activation<Relu>.Instance, trainCount));
        Assert.Equal("trainCount", e.ParamName);
        Assert.Contains("at least one row", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_DerivEpsNotPositiveFinite_ThrowsNamingIt(double derivEps)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GradientFlowMetrics(Arch, Activation<Relu>.Instance, Rows, derivEps, 0.1));
        Assert.Equal("derivEps", e.ParamName);
        Assert.Contains("deriv-eps must be a finite number > 0", e.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_ZLinearEpsNegativeOrNotFinite_ThrowsNamingIt(double zLinearEps)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GradientFlowMetrics(Arch, Activation<Relu>.Instance, Rows, 1e-3, zLinearEps));
        Assert.Equal("zLinearEps", e.ParamName);
        Assert.Contains("z-linear-eps must be a finite number >= 0", e.Message);
    }

    [Fact]
    public void Constructor_ZLinearEpsZero_IsAccepted()
    {
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, Rows, 1e-3, 0.0);
        Assert.Equal(0.0, metrics.ZLinearEps);
    }

    [Fact]
    public void Constructor_LayerSizeBeyondInt_ThrowsOverflow()
    {
        // 2^30 rows × 4 units = 2^32 values in one layer: more than an int counts (wrapped, it would be 0).
        Assert.Throws<OverflowException>(() => new GradientFlowMetrics(new Architecture([2, 4, 1]), Activation<Relu>.Instance, 1 << 30));
    }

    private static (Mlp Model, BatchPass Pass) Pass(Architecture arch, Activation activation, int rows)
    {
        var model = Mlp.Init(arch, activation, InitScheme.Xavier, 1.0, 1);
        var data = Xor.Generate(rows, 0.1, 1);
        var pass = new BatchPass(arch, rows);
        pass.Forward(model, data.X);
        pass.Backward(model, data.Y);
        return (model, pass);
    }

    [Fact]
    public void Write_ModelWithAnotherActivation_NamesBothActivations()
    {
        var (model, pass) = Pass(Arch, Activation<Tanh>.Instance, 4);
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, 4);
        var e = Assert.Throws<ArgumentException>(() => metrics.Write(new EpochState(model, pass), new double[metrics.Columns.Count]));
        Assert.Equal("state", e.ParamName);
        Assert.Contains(Activation<Relu>.Instance.Name, e.Message);
        Assert.Contains(Activation<Tanh>.Instance.Name, e.Message);
    }

    [Fact]
    public void Write_PassOnOtherRowCountSameArchitecture_Throws()
    {
        var (model, pass) = Pass(Arch, Activation<Relu>.Instance, 4);
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, 5);
        var e = Assert.Throws<ArgumentException>(() => metrics.Write(new EpochState(model, pass), new double[metrics.Columns.Count]));
        Assert.Equal("state", e.ParamName);
        Assert.Contains("on 5 rows", e.Message);
        Assert.Contains("on 4", e.Message);
    }

    [Fact]
    public void Write_PassOfOtherArchitectureSameRowCount_Throws()
    {
        var other = new Architecture([2, 3, 3, 1]);
        var (model, pass) = Pass(other, Activation<Relu>.Instance, 4);
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, 4);
        var e = Assert.Throws<ArgumentException>(() => metrics.Write(new EpochState(model, pass), new double[metrics.Columns.Count]));
        Assert.Equal("state", e.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Write_RowOfOtherLength_ThrowsNamingTheRow(int extra)
    {
        var (model, pass) = Pass(Arch, Activation<Relu>.Instance, 4);
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, 4);
        int length = metrics.Columns.Count + extra;
        var e = Assert.Throws<ArgumentException>(() => metrics.Write(new EpochState(model, pass), new double[length]));
        Assert.Equal("row", e.ParamName);
        Assert.Contains($"the row holds {length} values, this group writes {metrics.Columns.Count}", e.Message);
    }

    // Hand-built caches of the right shape for Arch over two rows; each test breaks one thing.
    private static double[] Values(int count) => Enumerable.Range(1, count).Select(i => 0.25 * i).ToArray();

    private static (List<double[]> Z, List<double[]> Dphi, List<double[]> Delta) Caches() =>
        ([Values(3 * Rows), Values(2 * Rows)], [Values(3 * Rows), Values(2 * Rows)], [Values(3 * Rows), Values(2 * Rows), Values(Rows)]);

    [Fact]
    public void WriteCaches_RightShapes_Succeeds()
    {
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, Rows);
        var (z, dphi, delta) = Caches();
        var row = new double[metrics.Columns.Count];
        metrics.Write(z, dphi, delta, row);
        Assert.Equal(Math.Sqrt(0.25 * 0.25 + 0.5 * 0.5), row[^1]);
    }

    [Theory]
    [InlineData("z")]
    [InlineData("dphi")]
    [InlineData("delta")]
    public void WriteCaches_OneArrayTooMany_Throws(string which)
    {
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, Rows);
        var (z, dphi, delta) = Caches();
        (which switch { "z" => z, "dphi" => dphi, _ => delta }).Add(Values(Rows));
        var e = Assert.Throws<ArgumentException>(() => metrics.Write(z, dphi, delta, new double[metrics.Columns.Count]));
        Assert.Contains("expected 2 hidden z and φ′ arrays and 3 δ arrays", e.Message);
    }

    [Theory]
    [InlineData("z", 0, "layer 1 arrays must hold 3 units × 2 rows")]
    [InlineData("z", 1, "layer 2 arrays must hold 2 units × 2 rows")]
    [InlineData("dphi", 0, "layer 1 arrays must hold 3 units × 2 rows")]
    [InlineData("dphi", 1, "layer 2 arrays must hold 2 units × 2 rows")]
    [InlineData("delta", 0, "layer 1 arrays must hold 3 units × 2 rows")]
    [InlineData("delta", 1, "layer 2 arrays must hold 2 units × 2 rows")]
    [InlineData("delta", 2, "layer 3 arrays must hold 1 units × 2 rows")]
    public void WriteCaches_OneArrayOneValueTooLong_ThrowsNamingTheLayer(string which, int layer, string message)
    {
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, Rows);
        var (z, dphi, delta) = Caches();
        var list = which switch { "z" => z, "dphi" => dphi, _ => delta };
        list[layer] = Values(list[layer].Length + 1);
        var e = Assert.Throws<ArgumentException>(() => metrics.Write(z, dphi, delta, new double[metrics.Columns.Count]));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void WriteCaches_RowOfOtherLength_ThrowsNamingTheRow(int extra)
    {
        var metrics = new GradientFlowMetrics(Arch, Activation<Relu>.Instance, Rows);
        var (z, dphi, delta) = Caches();
        var e = Assert.Throws<ArgumentException>(() => metrics.Write(z, dphi, delta, new double[metrics.Columns.Count + extra]));
        Assert.Equal("row", e.ParamName);
    }
}
