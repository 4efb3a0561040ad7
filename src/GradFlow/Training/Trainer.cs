using GradFlow.Data;
using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Training;

/// <summary>
/// Full-batch gradient descent in the study's order per epoch: forward on train → loss and accuracy →
/// backward → forward on test with the same parameters → record → update. Buffers are sized in the
/// constructor; <see cref="Run"/> allocates nothing per epoch.
/// </summary>
public sealed class Trainer
{
    private readonly Mlp _model;
    private readonly DataSplit _data;
    private readonly TrainingOptions _options;
    private readonly IMetricGroup[] _metrics;
    private readonly BatchPass _train;
    private readonly BatchPass? _test;
    private readonly EpochState _state;

    public Trainer(Mlp model, DataSplit data, TrainingOptions options, IReadOnlyList<IMetricGroup> metrics)
        : this(model, data, options, metrics, null) { }

    /// <summary>A trainer that records into <paramref name="log"/> (emptied first) when it has the metrics' columns and room for every logged epoch, else into a new log: a sweep reuses the logs it does not keep.</summary>
    public Trainer(Mlp model, DataSplit data, TrainingOptions options, IReadOnlyList<IMetricGroup> metrics, RunLog? log)
    {
        if (data.Train.Features != model.Inputs)
            throw new ArgumentException($"data has {data.Train.Features} features but the model takes {model.Inputs} inputs");
        if (data.Train.Count == 0) throw new ArgumentException("the training set is empty");
        _model = model;
        _data = data;
        _options = options;
        _metrics = metrics.ToArray();
        _train = new BatchPass(model.Architecture, data.Train.Count, KernelPath.ByShape, options.KernelThreads);
        _test = data.HasTest ? new BatchPass(model.Architecture, data.Test.Count, KernelPath.ByShape, options.KernelThreads) : null;
        _state = new EpochState(model, _train);
        var columns = metrics.SelectMany(m => m.Columns).ToArray();
        if (log is not null && log.Capacity >= options.LoggedEpochCount && log.Columns.SequenceEqual(columns)) log.Clear();
        else log = new RunLog(columns, options.LoggedEpochCount);
        Log = log;
    }

    public RunLog Log { get; }

    /// <summary>
    /// The divergence rule: a run diverges at the first epoch whose train loss is NaN, infinite, or more
    /// than this factor times max(the epoch-0 train loss, ln 2) — ln 2 being the loss of predicting ½
    /// everywhere, so that a small starting loss does not make the bound tight. Three orders of magnitude
    /// above the start is far beyond what gradient descent on this loss does when it works (the presets
    /// never exceed 1.21× their start) and catches a loss that stays finite but absurd (tanh at lr 1e50: 2.4e49).
    /// </summary>
    public const double DivergenceFactor = 1000;

    public TrainingResult Run() => Run(CancellationToken.None);

    /// <summary>Trains; a cancelled token stops it at the start of the next epoch (OperationCanceledException): a run stops within one epoch.</summary>
    public TrainingResult Run(CancellationToken cancellation)
    {
        var train = _data.Train;
        double bound = double.PositiveInfinity;
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            _train.Forward(_model, train.X);
            _state.Epoch = epoch;
            _state.TrainLoss = _train.Loss(train.Y);
            _state.TrainAccuracy = _train.Accuracy(train.Y);
            if (epoch == 0) bound = DivergenceFactor * Math.Max(_state.TrainLoss, Math.Log(2));
            if (!double.IsFinite(_state.TrainLoss) || _state.TrainLoss > bound) return Diverged(epoch);
            _train.Backward(_model, train.Y);
            if (_test is not null)
            {
                _test.Forward(_model, _data.Test.X);
                _state.TestLoss = _test.Loss(_data.Test.Y);
                _state.TestAccuracy = _test.Accuracy(_data.Test.Y);
            }
            else
            {
                _state.TestLoss = double.NaN;
                _state.TestAccuracy = double.NaN;
            }
            if (_options.IsLogged(epoch)) Record(epoch);
            _train.Step(_model, _options.LearningRate);
        }
        return new TrainingResult(Log, null);
    }

    // The diverging epoch gets a row of its own: its loss and accuracy as measured, every other metric NaN.
    private TrainingResult Diverged(int epoch)
    {
        var row = Log.Append(epoch);
        row.Fill(double.NaN);
        if (Log.HasColumn(MetricCatalog.TrainLoss.Name)) row[Log.ColumnIndex(MetricCatalog.TrainLoss.Name)] = _state.TrainLoss;
        if (Log.HasColumn(MetricCatalog.TrainAccuracy.Name)) row[Log.ColumnIndex(MetricCatalog.TrainAccuracy.Name)] = _state.TrainAccuracy;
        return new TrainingResult(Log, epoch);
    }

    private void Record(int epoch)
    {
        var row = Log.Append(epoch);
        int offset = 0;
        foreach (var group in _metrics)
        {
            int width = group.Columns.Count;
            group.Write(_state, row.Slice(offset, width));
            offset += width;
        }
    }
}
