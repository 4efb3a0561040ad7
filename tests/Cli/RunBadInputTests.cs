using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>Every bad value of <c>gradflow run</c>: exit 2, one line naming the option and what is accepted, no results folder.</summary>
public sealed class RunBadInputTests : TempFolder
{
    private CliResult RunSmoke(params string[] options) => Run(["run", "--preset", "smoke", "--epochs", "2", "--out", Path("out"), .. options]);

    [Fact]
    public void Run_UnknownActivation_ListsTheValidOnes()
    {
        var result = RunSmoke("--activations", "relu,swish");
        AssertBadInput(result, "--activations", Path("out"));
        Assert.Contains("'swish'", result.Err);
        Assert.Contains("tanh", result.Err);
        Assert.Contains("softsign", result.Err);
    }

    [Fact]
    public void Run_UnknownInit_ListsTheValidOnes()
    {
        var result = RunSmoke("--inits", "xavier,orthogonal");
        AssertBadInput(result, "--inits", Path("out"));
        Assert.Contains("xavier, he, lecun, gaussian", result.Err);
    }

    [Fact]
    public void Run_UnknownPreset_ListsTheValidOnes()
    {
        var result = Run("run", "--preset", "huge", "--out", Path("out"));
        AssertBadInput(result, "--preset", Path("out"));
        Assert.Contains("seed, paper, smoke, deep", result.Err);
    }

    [Theory]
    [InlineData("2,,1")]
    [InlineData("2,0,1")]
    [InlineData("x")]
    [InlineData("2,16,3")]
    [InlineData("3,16,1")]
    public void Run_MalformedArch_IsRejected(string arch) =>
        AssertBadInput(RunSmoke("--arch", arch), "--arch", Path("out"));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Run_NonPositiveN_IsRejected(string n) =>
        AssertBadInput(RunSmoke("--n", n), "--n", Path("out"));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("many")]
    public void Run_NonPositiveEpochs_IsRejected(string epochs) =>
        AssertBadInput(RunSmoke("--epochs", epochs), "--epochs", Path("out"));

    [Theory]
    [InlineData("0")]
    [InlineData("-0.05")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0,05")]
    public void Run_LearningRateNotFinitePositive_IsRejected(string lr) =>
        AssertBadInput(RunSmoke("--lr", lr), "--lr", Path("out"));

    [Theory]
    [InlineData("1")]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void Run_TestSizeOutsideZeroToOne_IsRejected(string testSize) =>
        AssertBadInput(RunSmoke("--test-size", testSize), "--test-size", Path("out"));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.5,0")]
    public void Run_NonPositiveScale_IsRejected(string scales) =>
        AssertBadInput(RunSmoke("--scales", scales), "--scales", Path("out"));

    [Theory]
    [InlineData("3-1")]
    [InlineData("a")]
    [InlineData("0,,2")]
    [InlineData("0-2,2")]
    [InlineData("-1")]
    public void Run_MalformedSeeds_IsRejected(string seeds) =>
        AssertBadInput(RunSmoke("--seeds", seeds), "--seeds", Path("out"));

    [Theory]
    [InlineData("3/2")]
    [InlineData("0/2")]
    [InlineData("1")]
    public void Run_ShardOutsideOneToN_IsRejected(string shard) =>
        AssertBadInput(RunSmoke("--shard", shard), "--shard", Path("out"));

    [Theory]
    [InlineData("--noise", "-0.1")]
    [InlineData("--deriv-eps", "0")]
    [InlineData("--z-linear-eps", "-1")]
    [InlineData("--log-every", "0")]
    [InlineData("--threads", "-1")]
    public void Run_OtherOutOfRangeValues_AreRejected(string option, string value) =>
        AssertBadInput(RunSmoke(option, value), option, Path("out"));

    [Fact]
    public void Run_UnknownOption_IsRejected() =>
        AssertBadInput(RunSmoke("--learning-rate", "0.1"), "--learning-rate", Path("out"));

    [Fact]
    public void Run_OutIsAFile_IsRejected()
    {
        File.WriteAllText(Path("file"), "x");
        var result = Run("run", "--preset", "smoke", "--epochs", "2", "--out", Path("file"));
        AssertBadInput(result, "--out");
        Assert.Equal("x", File.ReadAllText(Path("file")));
    }

    [Fact]
    public void Run_OutHoldsAnotherSpec_IsRejectedAndLeavesItUntouched()
    {
        Assert.Equal(0, RunSmoke().Exit);
        var before = File.ReadAllText(Path("out", "final.csv"));

        var result = Run("run", "--preset", "smoke", "--epochs", "3", "--out", Path("out"));

        AssertBadInput(result, "--out");
        Assert.Contains("epochs", result.Err);
        Assert.Equal(before, File.ReadAllText(Path("out", "final.csv")));
    }
}
