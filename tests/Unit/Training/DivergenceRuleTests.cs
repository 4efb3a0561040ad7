using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Tests.Unit.Training;

/// <summary>
/// A run diverges at the first epoch whose train loss is NaN, infinite, or more than
/// <see cref="Trainer.DivergenceFactor"/> times max(its epoch-0 loss, ln 2): a loss that stays finite
/// but absurd (tanh at lr 1e50: 2.4e49) is marked, not averaged.
/// </summary>
public sealed class DivergenceRuleTests
{
    private static DataSplit Data() => Xor.Split(Xor.Generate(300, 0.1, 42), 0.25, 42);

    private static TrainingResult Train(Activation activation, double lr, int epochs, double scale = 1.0)
    {
        var model = Mlp.Init(Architecture.Parse("2,16,16,1"), activation, InitScheme.Xavier, scale, 42);
        return new Trainer(model, Data(), new TrainingOptions(lr, epochs), [new CoreMetrics(model.Architecture, true)]).Run();
    }

    [Fact]
    public void Run_TanhAtLr1e50_FiniteButAbsurdLoss_Diverges()
    {
        var result = Train(Activation<Tanh>.Instance, 1e50, 20);

        Assert.True(result.Diverged);
        int last = result.Log.Count - 1;
        double loss = result.Log[last, "train_loss"];
        double initial = result.Log[0, "train_loss"];
        // Marked at the first epoch past the bound, with the loss it measured (finite, but 1000 × beyond the start).
        Assert.Equal(result.DivergedAt, result.Log.Epoch(last));
        Assert.True(double.IsFinite(loss), $"loss {loss}");
        Assert.True(loss > Trainer.DivergenceFactor * Math.Max(initial, Math.Log(2)), $"loss {loss}, initial {initial}");
        for (int r = 0; r < last; r++) Assert.True(result.Log[r, "train_loss"] <= Trainer.DivergenceFactor * Math.Max(initial, Math.Log(2)), $"row {r}");
    }

    // A large starting loss moves the bound with it: 1000 × loss₀, not 1000 × ln 2 and not 1000 / loss₀.
    // ReLU without biases is positively homogeneous, so init scale 40 multiplies every logit by 40³ and
    // puts loss₀ past 1000 × ln 2; a learning rate of 1e-12 keeps each later loss within a hair of loss₀.
    [Fact]
    public void Run_StartingLossAboveThousandTimesLn2_StaysBelowItsOwnBound_DoesNotDiverge()
    {
        var result = Train(Activation<Relu>.Instance, 1e-12, 5, scale: 40);

        double initial = result.Log[0, "train_loss"];
        Assert.True(initial > Trainer.DivergenceFactor * Math.Log(2), $"loss₀ {initial} must exceed 1000 × ln 2 for the test to tell max from min");
        Assert.False(result.Diverged, $"diverged at {result.DivergedAt} with loss₀ {initial}");
        Assert.Equal(5, result.Log.Count);
        for (int r = 0; r < 5; r++) Assert.Equal(initial, result.Log[r, "train_loss"], initial * 1e-6);
    }

    [Theory]
    [InlineData("relu", 0.05)]
    [InlineData("tanh", 0.05)]
    [InlineData("relu", 1.0)]
    [InlineData("tanh", 2.0)]
    public void Run_OrdinaryLearningRates_NeverDiverge(string activation, double lr) =>
        Assert.False(Train(ActivationRegistry.Get(activation), lr, 300).Diverged);
}
