using System.Globalization;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>run --lrs</c> and <c>run --curvature-every</c>: the learning-rate axis and the curvature instruments.</summary>
public sealed class CurvatureRunTests : TempFolder
{
    [Fact]
    public void Run_LrsAndCurvatureEvery_NamesFilesByRateAndRecordsCurvatureOnEveryKthEpoch()
    {
        var result = Run("run", "--preset", "smoke", "--activations", "tanh", "--lrs", "0.05,1", "--epochs", "12", "--curvature-every", "5", "--out", Path("out"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(["tanh_xavier_s1_lr0p05_seed0.csv", "tanh_xavier_s1_lr1_seed0.csv"], Directory.GetFiles(Path("out/runs")).Select(System.IO.Path.GetFileName).Order());
        var lines = File.ReadAllLines(Path("out/runs/tanh_xavier_s1_lr1_seed0.csv"));
        var header = lines[0].Split(',');
        int sharp = Array.IndexOf(header, "sharpness"), edge = Array.IndexOf(header, "sharpness_lr_over_2"), alpha = Array.IndexOf(header, "step_alpha");
        Assert.True(sharp > 0 && edge > 0 && alpha > 0 && Array.IndexOf(header, "update_ratio_L3") > 0);
        for (int r = 1; r <= 12; r++)
        {
            var cells = lines[r].Split(',');
            int epoch = int.Parse(cells[0], CultureInfo.InvariantCulture);
            Assert.Equal(epoch % 5 != 0, cells[sharp] == "NaN");
            if (epoch % 5 == 0)
                Assert.Equal(double.Parse(cells[sharp], CultureInfo.InvariantCulture) * 1 / 2, double.Parse(cells[edge], CultureInfo.InvariantCulture));
            Assert.Equal(epoch == 0, cells[alpha] == "NaN");
        }
        var final = File.ReadAllLines(Path("out/final.csv"));
        Assert.StartsWith("activation,init,init_scale,n_seeds,epochs,lr", final[0]);
        Assert.Contains(",0.05,", final[1]);
        Assert.Contains(",1,", final[2]);
        Assert.Contains("lr", result.OutLines.First(l => l.StartsWith("activation", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_WithoutCurvatureEvery_RecordsNoCurvatureColumns()
    {
        var result = Run("run", "--preset", "smoke", "--activations", "relu", "--epochs", "3", "--out", Path("out"));

        Assert.True(result.Exit == 0, result.ToString());
        string header = File.ReadLines(Path("out/runs/relu_xavier_s1_seed0.csv")).First();
        Assert.DoesNotContain("sharpness", header);
        Assert.DoesNotContain("update_ratio", header);
    }

    [Theory]
    [InlineData("--lrs", "0.5,0", "--lrs")]
    [InlineData("--lrs", "0.5,0.5", "twice")]
    [InlineData("--curvature-every", "-1", "--curvature-every")]
    [InlineData("--curvature-every", "ten", "--curvature-every")]
    public void Run_BadCurvatureOption_IsOneLineAndExitTwo(string option, string value, string mention) =>
        AssertBadInput(Run("run", "--preset", "smoke", option, value, "--out", Path("out")), mention, Path("out"));

    [Fact]
    public void Run_CurvatureWithLogEvery_SaysToLogEveryEpoch() =>
        AssertBadInput(Run("run", "--preset", "smoke", "--curvature-every", "5", "--log-every", "2", "--out", Path("out")), "--log-every 1", Path("out"));
}
