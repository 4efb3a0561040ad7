using GradFlow.Activations;
using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Model;

/// <summary>The pass's checks of its inputs (one message each), its bookkeeping, and the step it takes.</summary>
public sealed class BatchPassArgumentTests
{
    private static Mlp Small() =>
        HandBuilt.Network(Activation<Tanh>.Instance, HandBuilt.Layer(2, 3, [0.5, -0.25, 1, 0.75, 0.1, -2], [0.1, 0.2, -0.3]), HandBuilt.Layer(3, 1, [1, -1, 0.5], [0.05]));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_BatchSizeNotPositive_ThrowsNamingIt(int batchSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchPass(Architecture.Parse("2,1"), batchSize));

        Assert.Equal("batchSize", e.ParamName);
        Assert.StartsWith("a batch needs at least one row", e.Message);
    }

    [Fact]
    public void Constructor_NoThreads_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchPass(Architecture.Parse("2,1"), 4, threads: 0));

        Assert.Equal("threads", e.ParamName);
    }

    [Fact]
    public void Constructor_OneRow_SizesEveryBufferByTheWidths()
    {
        var pass = new BatchPass(Architecture.Parse("2,3,1"), 1);

        Assert.Equal(1, pass.BatchSize);
        Assert.Equal(2, pass.LayerCount);
        Assert.Equal(Architecture.Parse("2,3,1"), pass.Architecture);
        Assert.Equal(3, pass.PreActivation(0).Length);
        Assert.Equal(3, pass.Output(0).Length);
        Assert.Equal(3, pass.PhiPrime(0).Length);
        Assert.Equal(3, pass.Delta(0).Length);
        Assert.Equal(6, pass.GradW(0).Length);
        Assert.Equal(3, pass.GradB(0).Length);
        Assert.Equal(1, pass.Logits.Length);
        Assert.Equal(1, pass.Probabilities.Length);
        Assert.Equal(3, pass.GradW(1).Length);
    }

    [Fact]
    public void Forward_InputOfTheWrongLength_ThrowsNamingTheShape()
    {
        var pass = new BatchPass(Architecture.Parse("2,3,1"), 4);

        var e = Assert.Throws<ArgumentException>(() => pass.Forward(Small(), new double[7]));

        Assert.Equal("input holds 7 values, expected 4 rows × 2 features", e.Message);
    }

    [Fact]
    public void Backward_LabelsOfTheWrongLength_ThrowsNamingBoth()
    {
        var pass = new BatchPass(Architecture.Parse("2,3,1"), 2);
        pass.Forward(Small(), new double[4]);

        var e = Assert.Throws<ArgumentException>(() => pass.Backward(Small(), [1.0]));

        Assert.Equal("1 labels for a batch of 2", e.Message);
    }

    [Fact]
    public void ForwardBackwardStep_ModelOfAnotherArchitecture_ThrowNamingBoth()
    {
        var pass = new BatchPass(Architecture.Parse("2,4,1"), 2);
        const string expected = "model architecture [2,3,1] does not match the pass's [2,4,1]";

        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => pass.Forward(Small(), new double[4])).Message);
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => pass.Backward(Small(), new double[2])).Message);
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => pass.Step(Small(), 0.1)).Message);
    }

    /// <summary>
    /// [2,3,1] tanh, one row x = (1, −2): z_j = b_j + x0·W[0, j] + x1·W[1, j] = (0.1 + 0.5 − 1.5, 0.2 − 0.25 − 0.2, −0.3 + 1 + 4)
    /// = (−0.9, −0.25, 4.7); h = tanh z; s = 0.05 + h0 − h1 + 0.5·h2; p = σ(s).
    /// </summary>
    [Fact]
    public void Forward_OneRow_GivesTheHandComputedCaches()
    {
        var pass = new BatchPass(Architecture.Parse("2,3,1"), 1);
        pass.Forward(Small(), [1.0, -2.0]);

        double[] z = [0.1 + 0.5 - 1.5, 0.2 - 0.25 - 0.2, -0.3 + 1 + 4];
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(z[j], pass.PreActivation(0)[j], 1e-15);
            Assert.Equal(Math.Tanh(z[j]), pass.Output(0)[j], 1e-15);
            Assert.Equal(1 - Math.Tanh(z[j]) * Math.Tanh(z[j]), pass.PhiPrime(0)[j], 1e-15);
        }
        double s = 0.05 + Math.Tanh(z[0]) - Math.Tanh(z[1]) + 0.5 * Math.Tanh(z[2]);
        Assert.Equal(s, pass.Logits[0], 1e-15);
        Assert.Equal(1 / (1 + Math.Exp(-s)), pass.Probabilities[0], 1e-15);
        Assert.Equal(pass.Logits[0], pass.PreActivation(1)[0]);
        Assert.Equal(pass.Probabilities[0], pass.Output(1)[0]);
    }

    [Fact]
    public void Accuracy_AfterForward_CountsProbabilitiesAtLeastOneHalfAsClassOne()
    {
        // [1,1] with w = 1, b = 0: p = σ(x), so x = (−1, 0, 2) gives p < ½, p = ½, p > ½.
        var model = HandBuilt.Network(Activation<Tanh>.Instance, HandBuilt.Layer(1, 1, [1.0], [0.0]));
        var pass = new BatchPass(model.Architecture, 3);
        pass.Forward(model, [-1.0, 0.0, 2.0]);

        Assert.Equal(1.0, pass.Accuracy([0.0, 1.0, 1.0]));
        Assert.Equal(0.0, pass.Accuracy([1.0, 0.0, 0.0]));
    }

    [Fact]
    public void Step_AfterBackward_SubtractsLearningRateTimesEachGradient()
    {
        var model = Small();
        var before = model.Clone();
        var pass = new BatchPass(model.Architecture, 3);
        pass.Forward(model, [1.0, -2.0, 0.5, 0.25, -1.0, 3.0]);
        pass.Backward(model, [1.0, 0.0, 1.0]);

        pass.Step(model, 0.5);

        for (int l = 0; l < 2; l++)
        {
            var gw = pass.GradW(l);
            for (int i = 0; i < gw.Length; i++) Assert.Equal(before.Layers[l].Weights[i] - 0.5 * gw[i], model.Layers[l].Weights[i]);
            var gb = pass.GradB(l);
            for (int j = 0; j < gb.Length; j++) Assert.Equal(before.Layers[l].Bias[j] - 0.5 * gb[j], model.Layers[l].Bias[j]);
            Assert.Contains(gw.ToArray(), g => g != 0);
        }
    }

    /// <summary>
    /// [1,2,2,1] relu, hand-set so every unit is live, two rows: Backward's δ and gradients against central
    /// differences of the pass's own loss (the loss is smooth away from z = 0; no z is within 0.1 of it).
    /// The widths make both pair loops (two units at a time) run with nothing left over.
    /// </summary>
    [Fact]
    public void Backward_EvenWidths_GradientsMatchCentralDifferencesOfTheLoss()
    {
        var model = HandBuilt.Network(Activation<Relu>.Instance,
            HandBuilt.Layer(1, 2, [1.0, 0.5], [0.25, 0.5]),
            HandBuilt.Layer(2, 2, [0.5, 1.0, 0.25, -0.5], [0.1, 0.9]),
            HandBuilt.Layer(2, 1, [1.5, -1.0], [0.2]));
        double[] x = [1.0, 2.0], y = [1.0, 0.0];
        var pass = new BatchPass(model.Architecture, 2);
        pass.Forward(model, x);
        pass.Backward(model, y);

        for (int l = 0; l < 3; l++)
        {
            var layer = model.Layers[l];
            for (int i = 0; i < layer.Weights.Length; i++)
                Assert.Equal(Difference(model, layer.Weights, i, x, y), pass.GradW(l)[i], 1e-9);
            for (int j = 0; j < layer.Bias.Length; j++)
                Assert.Equal(Difference(model, layer.Bias, j, x, y), pass.GradB(l)[j], 1e-9);
        }
    }

    private static double Difference(Mlp model, double[] parameters, int i, double[] x, double[] y)
    {
        const double h = 1e-5;
        double saved = parameters[i];
        var pass = new BatchPass(model.Architecture, y.Length);
        parameters[i] = saved + h;
        pass.Forward(model, x);
        double up = pass.Loss(y);
        parameters[i] = saved - h;
        pass.Forward(model, x);
        double down = pass.Loss(y);
        parameters[i] = saved;
        return (up - down) / (2 * h);
    }

    [Fact]
    public void Passes_TwoThreadsOnAWideLayer_SameBitsAsOneThread()
    {
        // 70 000 hidden values: above ParallelActivation.MinimumLength, so φ is split across the threads.
        var arch = Architecture.Parse("2,7,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 3);
        int rows = 10_000;
        var x = new double[2 * rows];
        var y = new double[rows];
        var rng = GradFlow.Random.Generator.DefaultRng(8);
        rng.Normal(0, 2, x);
        for (int r = 0; r < rows; r++) y[r] = r % 3 == 0 ? 1 : 0;
        var one = new BatchPass(arch, rows, KernelPath.Rows, 1);
        var two = new BatchPass(arch, rows, KernelPath.Rows, 2);
        one.Forward(model, x);
        two.Forward(model, x);
        one.Backward(model, y);
        two.Backward(model, y);

        Assert.Equal(one.Output(0).ToArray(), two.Output(0).ToArray());
        Assert.Equal(one.PhiPrime(0).ToArray(), two.PhiPrime(0).ToArray());
        Assert.Equal(one.GradW(0).ToArray(), two.GradW(0).ToArray());
    }
}
