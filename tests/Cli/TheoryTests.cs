using System.Globalization;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>gradflow theory</c>: the per-layer prediction as a CSV or a table, and the phase diagram.</summary>
public sealed class TheoryTests : TempFolder
{
    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Theory_DeepPresetToCsv_WritesOneRowPerSettingAndHiddenLayer()
    {
        string csv = Path("deep.csv");
        var result = Run("theory", "--preset", "deep", "--out", csv);
        Assert.True(result.Exit == 0, result.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("activation,init,init_scale,layer,fan_in,fan_out,q,chi,delta_rel", lines[0]);
        Assert.Equal(1 + 4 * 2 * 8, lines.Length);
        // ReLU under Xavier on width 32: χ = 32·(2/64)·½ = ½ per hidden layer, so delta_rel of layer 1 is (½)^3.5.
        var relu1 = lines.Single(l => l.StartsWith("relu,xavier,1,1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["2", "32"], relu1[4..6]);
        Assert.Equal(Math.Pow(0.5, 3.5), D(relu1[8]), 1e-14);
        Assert.Equal(0.5, D(relu1[7]), 1e-15);
        // Under He every hidden χ is 1 and the signal keeps its size.
        Assert.All(lines.Where(l => l.StartsWith("relu,he,1,", StringComparison.Ordinal)), l => Assert.Equal(1.0, D(l.Split(',')[8]), 1e-14));
        Assert.Contains($"wrote {csv}", result.Out);
    }

    [Fact]
    public void Theory_DataAware_StartsFromEachSeedsRowsAndReluIsUnchanged()
    {
        string csv = Path("aware.csv");
        var result = Run("theory", "--preset", "paper", "--scales", "0.5", "--data-aware", "--out", csv);
        Assert.True(result.Exit == 0, result.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal(1 + 4 * 2, lines.Length);
        // ReLU's χ does not depend on q, so pooling rows of different lengths changes nothing: √(16·(0.25·2/32)·½).
        var relu1 = lines.Single(l => l.StartsWith("relu,xavier,0.5,1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(Math.Sqrt(16 * 0.25 * 2 / 32 * 0.5), D(relu1[8]), 1e-13);
        // q¹ is each seed's own training rows: std₁²·mean‖x_r‖², std₁² = 0.25·2/(2 + 16), averaged over seeds 0–9.
        double expected = Enumerable.Range(0, 10).Average(seed =>
        {
            var train = GradFlow.Data.Xor.Split(GradFlow.Data.Xor.Generate(300, 0.1, (ulong)seed), 0.25, (ulong)seed).Train;
            return 0.25 * 2 / 18 * Enumerable.Range(0, train.Count).Average(r => train.X[2 * r] * train.X[2 * r] + train.X[2 * r + 1] * train.X[2 * r + 1]);
        });
        var tanh1 = lines.Single(l => l.StartsWith("tanh,xavier,0.5,1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(expected, D(tanh1[6]), 1e-13);
    }

    [Fact]
    public void Theory_DataAwareWithSigmaB_IsBadInput() =>
        AssertBadInput(Run("theory", "--data-aware", "--sigma-b", "0.1", "--out", Path("a.csv")), "--data-aware", Path("a.csv"));

    [Fact]
    public void Theory_NoOut_PrintsTheTable()
    {
        var result = Run("theory", "--preset", "smoke");
        Assert.Equal(0, result.Exit);
        Assert.Equal(["activation", "init", "init_scale", "layer", "fan_in", "fan_out", "q", "chi", "delta_rel"], result.OutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2 + 2 * 2, result.OutLines.Length);
    }

    [Fact]
    public void Theory_Phase_WritesTheCurveAndTheFigure()
    {
        string csv = Path("tanh-phase.csv");
        var result = Run("theory", "--preset", "paper", "--phase", "--activation", "tanh", "--out", csv);
        Assert.True(result.Exit == 0, result.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("activation,q_star,sigma_w,sigma_b", lines[0]);
        Assert.True(lines.Length > 10);
        Assert.True(new FileInfo(Path("tanh-phase.png")).Length > 1000);
        Assert.True(File.Exists(Path("tanh-phase.svg")));
        // Xavier on the study's square hidden layers: σ_w = scale, so 0.5 is ordered and 2 chaotic; 1 sits on the critical point.
        Assert.Contains("tanh xavier ×0.5: σ_w 0.5, σ_b 0, ordered", result.Out);
        Assert.Contains("tanh xavier ×1: σ_w 1, σ_b 0, edge", result.Out);
        Assert.Contains("tanh xavier ×2: σ_w 2, σ_b 0, chaotic", result.Out);
    }

    [Fact]
    public void Theory_PhaseRelu_IsTheRootTwoLine()
    {
        string csv = Path("relu.csv");
        var result = Run("theory", "--preset", "deep", "--phase", "--activation", "relu", "--out", csv);
        Assert.True(result.Exit == 0, result.ToString());
        Assert.All(File.ReadAllLines(csv).Skip(1), l => Assert.Equal(Math.Sqrt(2), D(l.Split(',')[2]), 1e-14));
        Assert.Contains("relu he ×1: σ_w 1.414, σ_b 0, edge", result.Out);
        Assert.Contains("relu xavier ×1: σ_w 1, σ_b 0, ordered", result.Out);
    }

    [Fact]
    public void Theory_PhaseWithoutActivation_IsBadInput() =>
        AssertBadInput(Run("theory", "--phase", "--out", Path("p.csv")), "--activation", Path("p.csv"), Path("p.png"));

    [Fact]
    public void Theory_PhaseUnknownActivation_ListsTheValidOnes()
    {
        var result = Run("theory", "--phase", "--activation", "swish", "--out", Path("p.csv"));
        AssertBadInput(result, "--activation", Path("p.csv"), Path("p.png"));
        Assert.Contains("relu, tanh", result.Err);
    }

    [Fact]
    public void Theory_PhaseWithoutOut_IsBadInput() => AssertBadInput(Run("theory", "--phase", "--activation", "tanh"), "--out");

    [Fact]
    public void Theory_ActivationWithoutPhase_IsBadInput() =>
        AssertBadInput(Run("theory", "--activation", "tanh", "--out", Path("t.csv")), "--activation", Path("t.csv"));

    [Theory]
    [InlineData("--sigma-b", "-1")]
    [InlineData("--sigma-b", "abc")]
    [InlineData("--preset", "nope")]
    [InlineData("--arch", "2,0,1")]
    [InlineData("--scales", "0")]
    [InlineData("--out", "table.txt")]
    public void Theory_BadValue_IsOneLineExitTwoAndNothingWritten(string option, string value)
    {
        string csv = Path("t.csv");
        string[] args = option == "--out" ? ["theory", option, Path(value)] : ["theory", option, value, "--out", csv];
        AssertBadInput(Run(args), option, csv, Path("table.txt"));
    }

    [Fact]
    public void Theory_UnknownOption_IsOneLineAndExitTwo() => AssertBadInput(Run("theory", "--no-such-option"), "--no-such-option");
}
