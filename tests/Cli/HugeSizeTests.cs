using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>
/// Sizes are checked before anything is allocated or written: a run, a data set, a model or a gradient
/// check that cannot fit is refused with exit 2 and one line, and leaves no folder or file behind.
/// The machine's memory is fixed at 16 GB here so that the verdicts do not depend on the test machine.
/// </summary>
public sealed class HugeSizeTests : TempFolder
{
    private const long SixteenGigabytes = 16_000_000_000;

    private static CliResult RunOn16Gb(params string[] args) => Run(SixteenGigabytes, args);

    [Theory]
    [InlineData("--epochs", "2147483647")]
    [InlineData("--arch", "2,50000,50000,1")]
    [InlineData("--arch", "2,1000000,1")]
    [InlineData("--n", "2000000000")]
    public void Run_HugeSize_IsRefusedBeforeAnythingIsWritten(string option, string value)
    {
        var result = RunOn16Gb("run", "--preset", "smoke", option, value, "--out", Path("huge"));

        AssertBadInput(result, option, Path("huge"));
    }

    [Fact]
    public void Run_HugeArchOnAFolderOfTheSameSpec_LeavesTheFolderAsItWas()
    {
        // No manifest written first, so the folder is never blocked by a run that could not start.
        var result = RunOn16Gb("run", "--preset", "smoke", "--arch", "2,1000000,1", "--out", Path("huge"));

        AssertBadInput(result, "--arch", Path("huge", "manifest.json"));
    }

    [Fact]
    public void Run_ManySmallRunsThatFit_AreNotRefused()
    {
        var result = RunOn16Gb("run", "--preset", "smoke", "--epochs", "2", "--n", "20", "--dry-run", "--out", Path("ok"));

        Assert.True(result.Exit == 0, result.ToString());
    }

    [Fact]
    public void Dataset_HugeN_IsRefusedAndWritesNothing() =>
        AssertBadInput(RunOn16Gb("dataset", "--n", "2000000000", "--out", Path("d.csv")), "--n", Path("d.csv"));

    [Theory]
    [InlineData("2,50000,50000,1")]
    [InlineData("2,1000000,1000,1")]
    public void Init_HugeArch_IsRefusedAndWritesNothing(string arch) =>
        AssertBadInput(RunOn16Gb("init", "--arch", arch, "--out", Path("m.json")), "--arch", Path("m.json"));

    [Theory]
    [InlineData("--arch", "2,50000,50000,1")]
    [InlineData("--n", "2000000000")]
    public void Gradcheck_HugeSize_IsRefused(string option, string value) =>
        AssertBadInput(RunOn16Gb("gradcheck", option, value), option);
}
