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

    [Theory]
    [InlineData("1e-13")]
    [InlineData("1e-300")]
    public void Gradcheck_StepWhoseRoundingSwampsAtol_IsRefusedNamingTheValidSteps(string step)
    {
        // The adversarial report: at 1e-13 the bound 4ε·|L|/h reached 6.4e-3 and passed W2[8,14] with the wrong sign.
        var result = Run("gradcheck", "--activation", "tanh", "--step", step);

        AssertBadInput(result, "--step");
        Assert.Contains("rounding", result.Err);
        Assert.Contains("expected --step >= ", result.Err);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Gradcheck_Passing_PrintsTheToleranceActuallyApplied()
    {
        var result = Run("gradcheck", "--activation", "tanh", "--atol", "1e-8", "--rtol", "1e-5", "--step", "1e-3");

        Assert.True(result.Exit == 0, result.ToString());
        var summary = result.OutLines[^1];
        Assert.Contains("tolerance applied: atol 1E-08 + rtol 1E-05·|numeric| + rounding bound up to ", summary);
        Assert.Contains("step 0.001", summary);
    }

    [Fact]
    public void Gradcheck_Sample_ChecksAndListsExactlyThatManyEntries()
    {
        var result = Run("gradcheck", "--activation", "tanh", "--sample", "7", "--seed", "3");
        var again = Run("gradcheck", "--activation", "tanh", "--sample", "7", "--seed", "3");

        Assert.True(result.Exit == 0, result.ToString());
        var listed = result.OutLines[0];
        Assert.StartsWith("checking a sample of 7 of 337 parameters (seed 3): ", listed);
        Assert.Equal(7, listed.Split(": ")[1].Split(' ').Length);
        Assert.Equal(listed, again.OutLines[0]);
        Assert.Contains("passed: 7 parameters checked", result.OutLines[^1]);
    }

    [Fact]
    public void Gradcheck_LargeNetwork_PrintsProgressWithAnEstimate()
    {
        // 2,100,50,1 has 5401 parameters, past the progress threshold; 2 rows keep it quick.
        var result = Run("gradcheck", "--activation", "tanh", "--arch", "2,100,50,1", "--n", "2");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains(result.OutLines, l => l.StartsWith("tanh: checking 5401 parameters", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("tanh: 5401/5401 parameters (100%), elapsed ", StringComparison.Ordinal) && l.Contains("ETA"));
    }

    [Fact]
    public void Gradcheck_Interrupted_ExitsOneThirtyNamingHowFarItGot()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var result = Run(cancel.Token, "gradcheck", "--activation", "tanh");

        Assert.True(result.Exit == 130, result.ToString());
        Assert.Equal("gradflow: gradcheck interrupted after 0 of 337 parameters of tanh; nothing was written", Assert.Single(result.ErrLines));
    }
}
