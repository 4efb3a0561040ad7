using GradFlow.Activations;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>gradflow gradcheck</c>: the gate's table, exit 0 on real models, exit 1 past the tolerance.</summary>
public sealed class GradcheckTests
{
    [Fact]
    public void Gradcheck_RealModels_PassAndExitZero()
    {
        var result = Run("gradcheck", "--arch", "2,8,8,1", "--n", "12");

        Assert.True(result.Exit == 0, result.ToString());
        foreach (var name in ActivationRegistry.Names) Assert.Contains(name + " ", result.Out);
        Assert.Contains("gradient check passed", result.Out);
        Assert.Contains("kink-crossing", result.Out);
    }

    [Fact]
    public void Gradcheck_TooCoarseStep_FailsWithExitOne()
    {
        // With h = 0.5 the O(h⁴) truncation error of the extrapolated difference dwarfs 1e-9.
        var result = Run("gradcheck", "--activation", "tanh", "--step", "0.5");

        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains("FAIL", result.Out);
        Assert.Contains("tanh", result.Out);
        Assert.Empty(result.Err);
    }
}
