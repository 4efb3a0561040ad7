using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>The smaller defects of the adversarial pass: each refused with exit 2, one line, nothing written.</summary>
public sealed class SmallDefectTests : TempFolder
{
    [Fact]
    public void Init_OutEndingInASeparator_LeavesNoEmptyFolder() =>
        AssertBadInput(Run("init", "--out", Path("newdir") + "/"), "--out", Path("newdir"));

    [Fact]
    public void Dataset_NoiseThatOverflowsThePoints_IsRefusedNotWrittenAsInfinity() =>
        AssertBadInput(Run("dataset", "--noise", "1e308", "--out", Path("d.csv")), "--noise", Path("d.csv"));

    [Fact]
    public void Run_NoiseThatOverflowsThePoints_IsRefusedByTheSameRule() =>
        AssertBadInput(Run("run", "--preset", "smoke", "--noise", "1e308", "--out", Path("r")), "--noise", Path("r"));

    [Fact]
    public void Dataset_LargestNoiseAccepted_WritesFinitePoints()
    {
        var result = Run("dataset", "--noise", "1e300", "--n", "5");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.DoesNotContain("Infinity", result.Out);
    }

    [Fact]
    public void Dataset_TestSizeRoundingToNoTestRows_IsRefusedAsRunRefusesIt()
    {
        AssertBadInput(Run("dataset", "--test-size", "0.04", "--n", "10", "--out", Path("d.csv")), "--test-size", Path("d.csv"));
        AssertBadInput(Run("run", "--preset", "smoke", "--test-size", "0.04", "--n", "10", "--out", Path("r")), "--test-size", Path("r"));
    }
}
