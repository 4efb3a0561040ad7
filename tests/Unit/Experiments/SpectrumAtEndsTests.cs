using GradFlow.Curvature;
using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class SpectrumAtEndsTests
{
    [Theory]
    [InlineData("tanh", 0.5)]
    [InlineData("relu", 2.0)]
    public void Compute_RetrainedRun_ItsExtremesAreTheSweepsLanczosValuesAtBothEnds(string activation, double lr)
    {
        // Two independent routes: the sweep's Lanczos on the run's own parameters, and a retrained model's dense spectrum.
        var spec = new AblationSpec { Activations = [activation], N = 60, Epochs = 21, CurvatureEvery = 10, LearningRate = lr };
        var key = spec.Runs()[0];
        var log = RunExecutor.Execute(spec, key).Log;

        var spectrum = SpectrumAtEnds.Compute(spec, key);

        Assert.NotNull(spectrum);
        var (first, last) = spectrum.Value;
        for (int i = 1; i < first.Length; i++) Assert.True(first[i - 1] <= first[i]);
        Assert.Equal(log[0, "sharpness"], first[^1], 1e-6 * first[^1]);
        Assert.Equal(log[0, "hessian_min_eig"], first[0], 1e-6 * first[^1]);
        Assert.Equal(log[log.Count - 1, "sharpness"], last[^1], 1e-6 * last[^1]);
    }

    [Fact]
    public void Compute_RunThatDivergesAtEpochZero_IsNullNotAThrow()
    {
        // Weights of order 1e120 overflow the first forward pass: no spectrum to draw, and the report must go on without it.
        var spec = new AblationSpec { Activations = ["gelu"], Arch = [2, 4, 4, 1], Scales = [1e120], Seeds = [42], N = 50, TestSize = 0, Epochs = 3, CurvatureEvery = 1 };

        Assert.Null(SpectrumAtEnds.Compute(spec, spec.Runs()[0]));
    }

    // 13 parameters: 2·3 + 3 weights and biases into the hidden layer, 3 + 1 into the output.
    private static readonly AblationSpec Small = new() { Activations = ["tanh"], Arch = [2, 3, 1], N = 12, TestSize = 0.25, Epochs = 1, LearningRate = 0.5 };

    [Fact]
    public void Compute_OneEpoch_BothEndsAreTheInitialSpectrum()
    {
        var spectrum = SpectrumAtEnds.Compute(Small, Small.Runs()[0]);

        Assert.NotNull(spectrum);
        var (first, last) = spectrum.Value;
        Assert.Equal(13, first.Length);
        Assert.Equal(first, last);
    }

    [Fact]
    public void Compute_ThreeEpochs_LastIsTheSpectrumBeforeTheLastUpdate()
    {
        // The run file's last row (epoch 2) is measured before its own step: two updates, as the sweep's Lanczos saw it.
        var spec = Small with { Epochs = 3, CurvatureEvery = 1 };
        var key = spec.Runs()[0];
        var log = RunExecutor.Execute(spec, key).Log;

        var (first, last) = SpectrumAtEnds.Compute(spec, key)!.Value;

        Assert.Equal(log[0, "sharpness"], first[^1], 1e-6 * Math.Abs(first[^1]));
        Assert.Equal(log[2, "sharpness"], last[^1], 1e-6 * Math.Abs(last[^1]));
        Assert.NotEqual(first[^1], last[^1]);
        Assert.NotEqual(log[1, "sharpness"], last[^1]);
    }

    [Fact]
    public void Compute_SettingOfAMultiRateSweep_TrainsAtItsOwnRate()
    {
        var multi = Small with { Epochs = 3, LearningRates = [0.05, 0.5] };
        var single = Small with { Epochs = 3 };

        var own = SpectrumAtEnds.Compute(multi, multi.Runs()[1])!.Value; // rate 0.5
        var one = SpectrumAtEnds.Compute(single, single.Runs()[0])!.Value;
        var other = SpectrumAtEnds.Compute(multi, multi.Runs()[0])!.Value; // rate 0.05

        Assert.Equal(one.Last, own.Last);
        Assert.NotEqual(other.Last, own.Last);
    }

    [Fact]
    public void Compute_ModelAtExactlyTheDenseLimit_HasBothSpectra()
    {
        // 2·3 + 3 + 3·29 + 29 + 29·62 + 62 + 62 + 1 = 2048 parameters: the dense Hessian's limit is inclusive.
        var spec = Small with { Arch = [2, 3, 29, 62, 1], N = 8 };

        var spectrum = SpectrumAtEnds.Compute(spec, spec.Runs()[0]);

        Assert.NotNull(spectrum);
        Assert.Equal(DenseHessian.MaxParameters, spectrum.Value.First.Length);
        Assert.Equal(DenseHessian.MaxParameters, spectrum.Value.Last.Length);
    }

    [Fact]
    public void Compute_ModelAboveTheDenseLimit_IsNull()
    {
        // 2·64 + 64 + 64·32 + 32 + 32 + 1 = 2305 parameters, past the dense Hessian's 2048.
        var spec = Small with { Arch = [2, 64, 32, 1] };

        Assert.Null(SpectrumAtEnds.Compute(spec, spec.Runs()[0]));
    }

    [Fact]
    public void Compute_RunThatDivergesWhileTraining_IsNull()
    {
        // Finite at θ₀, then a step of 1e50 overflows the weights within a few epochs.
        var spec = Small with { Activations = ["relu"], Arch = [2, 16, 16, 1], Scales = [2.0], LearningRate = 1e50, Epochs = 30 };

        Assert.NotNull(SpectrumAtEnds.Compute(spec with { Epochs = 1 }, spec.Runs()[0]));
        Assert.Null(SpectrumAtEnds.Compute(spec, spec.Runs()[0]));
    }
}
