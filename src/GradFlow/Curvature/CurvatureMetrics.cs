using System.Numerics;
using GradFlow.Data;
using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Curvature;

/// <summary>The catalog's curvature group (<see cref="MetricCatalog.Curvature"/>): <see cref="SharpnessInstruments"/> every K-th epoch, NaN between.</summary>
public sealed class CurvatureMetrics : IMetricGroup
{
    private readonly SharpnessInstruments _instruments;
    private readonly MetricLayout _layout;

    public CurvatureMetrics(Architecture architecture, Dataset train, double learningRate, int every, BigInteger runSeed)
    {
        _instruments = new SharpnessInstruments(architecture, train, learningRate, every, runSeed);
        _layout = Layout(architecture);
        // Stryker disable once String,Statement : a guard that cannot fire: both lists are the catalog's four curvature columns, in order (CurvatureMetricsTests) (docs/mutation-survivors.md)
        if (!_layout.Columns.SequenceEqual(_instruments.Columns)) throw new InvalidOperationException("the curvature instruments and the catalog disagree on the columns");
    }

    public static MetricLayout Layout(Architecture architecture) => new(MetricCatalog.Curvature, architecture.LayerCount);

    public IReadOnlyList<string> Columns => _layout.Columns;

    public void Write(EpochState state, Span<double> row) => _instruments.Observe(state.Epoch, state.Model, row);
}
