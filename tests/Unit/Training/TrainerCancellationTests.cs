using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Training;

/// <summary>Ctrl+C stops a run within one epoch, not at its end (a long run would otherwise hold the sweep for minutes).</summary>
public sealed class TrainerCancellationTests
{
    /// <summary>Records the epochs it sees and cancels the token at <paramref name="cancelAt"/>.</summary>
    private sealed class CancelAt(int cancelAt, CancellationTokenSource source) : IMetricGroup
    {
        public List<int> Seen { get; } = [];

        public IReadOnlyList<string> Columns { get; } = ["probe"];

        public void Write(EpochState state, Span<double> row)
        {
            Seen.Add(state.Epoch);
            row[0] = state.Epoch;
            if (state.Epoch == cancelAt) source.Cancel();
        }
    }

    [Fact]
    public void Run_CancelledDuringEpoch5_StopsBeforeEpoch6()
    {
        using var source = new CancellationTokenSource();
        var probe = new CancelAt(5, source);
        var model = Mlp.Init(Architecture.Parse("2,8,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 1);
        var trainer = new Trainer(model, Xor.Split(Xor.Generate(40, 0.1, 1), 0.25, 1), new TrainingOptions(0.05, 1_000_000), [probe]);

        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Run(source.Token));

        Assert.Equal([0, 1, 2, 3, 4, 5], probe.Seen);
    }

    [Fact]
    public void Run_TokenNeverCancelled_TrainsEveryEpoch()
    {
        using var source = new CancellationTokenSource();
        var probe = new CancelAt(-1, source);
        var model = Mlp.Init(Architecture.Parse("2,8,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 1);
        var trainer = new Trainer(model, Xor.Split(Xor.Generate(40, 0.1, 1), 0.25, 1), new TrainingOptions(0.05, 20), [probe]);

        trainer.Run(source.Token);

        Assert.Equal(Enumerable.Range(0, 20), probe.Seen);
    }
}
