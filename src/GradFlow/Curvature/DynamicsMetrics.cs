using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Curvature;

/// <summary>
/// The catalog's dynamics group (<see cref="MetricCatalog.Dynamics"/>) from <see cref="OptimizationInstruments"/>.
/// Its cosine and α compare consecutive epochs, so the run must record every epoch (log-every 1).
/// </summary>
public sealed class DynamicsMetrics : IMetricGroup
{
    private readonly OptimizationInstruments _instruments;
    private readonly MetricLayout _layout;

    public DynamicsMetrics(Mlp initial, double learningRate)
    {
        _instruments = new OptimizationInstruments(initial, learningRate);
        _layout = Layout(initial.Architecture);
        // Stryker disable once String,Statement : a guard that cannot fire: both lists are the catalog's dynamics columns for the layer count, in order (DynamicsMetricsTests) (docs/mutation-survivors.md)
        if (!_layout.Columns.SequenceEqual(_instruments.Columns)) throw new InvalidOperationException("the dynamics instruments and the catalog disagree on the columns");
    }

    public static MetricLayout Layout(Architecture architecture) => new(MetricCatalog.Dynamics, architecture.LayerCount);

    public IReadOnlyList<string> Columns => _layout.Columns;

    public void Write(EpochState state, Span<double> row) => _instruments.Observe(state.Model, state.Train, row);
}
