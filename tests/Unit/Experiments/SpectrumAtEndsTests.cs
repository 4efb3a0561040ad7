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
}
