using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>Bad values of the other verbs, and of the command line itself: exit 2, one line, nothing written.</summary>
public sealed class VerbBadInputTests : TempFolder
{
    [Theory]
    [InlineData("run")]
    [InlineData("merge")]
    [InlineData("plot")]
    [InlineData("gradcheck")]
    [InlineData("gradients")]
    [InlineData("init")]
    [InlineData("dataset")]
    [InlineData("presets")]
    [InlineData("claims")]
    public void AnyVerb_UnknownOption_IsOneLineAndExitTwo(string verb) =>
        AssertBadInput(Run(verb, "--no-such-option"), "--no-such-option");

    [Fact]
    public void UnknownVerb_IsOneLineAndExitTwo() => AssertBadInput(Run("train"), "train");

    [Fact]
    public void NoVerb_ListsTheVerbs()
    {
        var result = Run();
        AssertBadInput(result, "no command");
        Assert.Contains("run, merge, plot, gradcheck, gradients, init, dataset, presets", result.Err);
    }

    [Fact]
    public void Gradients_MissingRequiredOption_IsOneLineAndExitTwo() =>
        AssertBadInput(Run("gradients", "--data", Path("d.csv")), "--model");

    [Fact]
    public void Gradcheck_UnknownActivation_ListsTheValidOnes()
    {
        var result = Run("gradcheck", "--activation", "swish");
        AssertBadInput(result, "--activation");
        Assert.Contains("relu, tanh, arctan, softsign", result.Err);
    }

    [Theory]
    [InlineData("--arch", "2,,1")]
    [InlineData("--arch", "3,4,1")]
    [InlineData("--init", "orthogonal")]
    [InlineData("--scale", "0")]
    [InlineData("--seed", "-3")]
    [InlineData("--n", "0")]
    [InlineData("--atol", "-1e-9")]
    [InlineData("--rtol", "abc")]
    public void Gradcheck_BadValue_IsRejected(string option, string value) =>
        AssertBadInput(Run("gradcheck", option, value), option);

    [Theory]
    [InlineData("--arch", "2,0,1")]
    [InlineData("--arch", "x")]
    [InlineData("--activation", "swish")]
    [InlineData("--activation", "all")]
    [InlineData("--init", "orthogonal")]
    [InlineData("--scale", "-2")]
    [InlineData("--seed", "x")]
    public void Init_BadValue_WritesNoModel(string option, string value) =>
        AssertBadInput(Run("init", option, value, "--out", Path("m.json")), option, Path("m.json"));

    [Fact]
    public void Init_OutIsAFolder_IsRejected()
    {
        Directory.CreateDirectory(Path("folder"));
        AssertBadInput(Run("init", "--out", Path("folder")), "--out");
    }

    [Theory]
    [InlineData("--n", "0")]
    [InlineData("--n", "-300")]
    [InlineData("--noise", "-0.1")]
    [InlineData("--noise", "NaN")]
    [InlineData("--seed", "1.5")]
    [InlineData("--test-size", "1")]
    [InlineData("--test-size", "-0.25")]
    public void Dataset_BadValue_WritesNoFile(string option, string value) =>
        AssertBadInput(Run("dataset", option, value, "--out", Path("d.csv")), option, Path("d.csv"));

    [Fact]
    public void Dataset_TestSizeLeavingNoTrainRows_IsRejected() =>
        AssertBadInput(Run("dataset", "--n", "2", "--test-size", "0.9", "--out", Path("d.csv")), "--test-size", Path("d.csv"));

    [Fact]
    public void Merge_MissingShardFolder_WritesNothing() =>
        AssertBadInput(Run("merge", "--out", Path("merged"), Path("no-such-shard")), "no-such-shard", Path("merged"));

    [Fact]
    public void Merge_FolderWithoutManifest_WritesNothing()
    {
        Directory.CreateDirectory(Path("empty"));
        AssertBadInput(Run("merge", "--out", Path("merged"), Path("empty")), "manifest", Path("merged"));
    }

    [Fact]
    public void Merge_WithoutOut_IsRejected() => AssertBadInput(Run("merge", Path("a")), "--out");
}
