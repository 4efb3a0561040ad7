using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>Resume trusts only run files proven complete, and says which ones it runs again.</summary>
public sealed class ResumeTests : TempFolder
{
    [Fact]
    public void Run_TruncatedRunFile_IsRunAgainWithALineSayingSo()
    {
        string[] args = ["run", "--preset", "smoke", "--epochs", "50", "--n", "40", "--out", Path("r")];
        Assert.Equal(0, Run(args).Exit);
        string victim = Path("r", "runs", "tanh_xavier_s1_seed0.csv");
        string whole = File.ReadAllText(victim);
        string finalBefore = File.ReadAllText(Path("r", "final.csv"));
        File.WriteAllLines(victim, File.ReadAllLines(victim).Take(1 + 19));

        var result = Run(args);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains($"{victim} is not proven complete: ", result.Out);
        Assert.Contains("running it again", result.Out);
        Assert.Contains("(1 already on disk)", result.Out);
        Assert.Equal(whole, File.ReadAllText(victim));
        Assert.Equal(finalBefore, File.ReadAllText(Path("r", "final.csv")));
    }
}
