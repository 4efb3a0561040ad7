using System.Text.Json;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>gradflow hessian</c>: the dense Hessian of a model file over a data file's train rows, in the gradient file's order.</summary>
public sealed class HessianTests : TempFolder
{
    private void InitModelAndData(string arch, string activation)
    {
        Assert.Equal(0, Run("init", "--arch", arch, "--activation", activation, "--seed", "3", "--out", Path("m.json")).Exit);
        Assert.Equal(0, Run("dataset", "--n", "40", "--noise", "0.1", "--seed", "3", "--test-size", "0.25", "--out", Path("d.csv")).Exit);
    }

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Theory]
    [InlineData("2,4,3,1", "tanh")]
    [InlineData("2,5,1", "relu")]
    public void Hessian_ModelAndData_WritesTheLibrarysHessianSpectrumAndTraceInRoundTripForm(string arch, string activation)
    {
        InitModelAndData(arch, activation);

        var result = Run("hessian", "--model", Path("m.json"), "--data", Path("d.csv"), "--out", Path("h.json"));

        Assert.True(result.Exit == 0, result.ToString());
        var model = ModelFile.Read(Path("m.json"));
        var train = Xor.Split(Xor.Generate(40, 0.1, 3), 0.25, 3).Train;
        var expected = HessianReport.Compute(model, train);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path("h.json")));
        var root = doc.RootElement;
        Assert.Equal(model.ParameterCount, root.GetProperty("parameters").GetInt32());
        Assert.Equal(expected.Loss, root.GetProperty("loss").GetDouble());
        Assert.Equal(expected.Trace, root.GetProperty("trace").GetDouble());
        var eigenvalues = Numbers(root.GetProperty("eigenvalues"));
        Assert.Equal(expected.Spectrum.Values, eigenvalues);
        Assert.Equal(eigenvalues.Order().ToArray(), eigenvalues);
        var rows = root.GetProperty("hessian").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal(model.ParameterCount, rows.Length);
        for (int i = 0; i < rows.Length; i++) Assert.Equal(expected.Hessian.Values.AsSpan(i * rows.Length, rows.Length).ToArray(), rows[i]);
    }

    [Fact]
    public void Hessian_Columns_AreTheGradientFilesDifferencesInItsOrder()
    {
        // Column j of H is ∂g/∂θ_j: central differences of the gradient file's values (layer by layer, weights
        // row-major then bias) when the model's j-th value in that order moves; this fixes the order independently.
        InitModelAndData("2,3,1", "tanh");
        Assert.Equal(0, Run("hessian", "--model", Path("m.json"), "--data", Path("d.csv"), "--out", Path("h.json")).Exit);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path("h.json")));
        var rows = doc.RootElement.GetProperty("hessian").EnumerateArray().Select(Numbers).ToArray();
        var model = ModelFile.Read(Path("m.json"));
        var train = Xor.Split(Xor.Generate(40, 0.1, 3), 0.25, 3).Train;
        const double h = 1e-5;
        int column = 0;
        for (int l = 0; l < model.Layers.Count; l++)
        {
            foreach (var values in new[] { model.Layers[l].Weights, model.Layers[l].Bias })
            {
                for (int k = 0; k < values.Length; k++, column++)
                {
                    double original = values[k];
                    values[k] = original + h;
                    var plus = Flat(LossGradient.Compute(model, train));
                    values[k] = original - h;
                    var minus = Flat(LossGradient.Compute(model, train));
                    values[k] = original;
                    for (int i = 0; i < rows.Length; i++)
                        Assert.True(Math.Abs(rows[i][column] - (plus[i] - minus[i]) / (2 * h)) <= 1e-7, $"H[{i},{column}] {rows[i][column]} vs {(plus[i] - minus[i]) / (2 * h)}");
                }
            }
        }
        Assert.Equal(rows.Length, column);
    }

    private static double[] Flat(LossGradient g) => g.Layers.SelectMany(l => l.Weights.Concat(l.Bias)).ToArray();

    [Fact]
    public void Hessian_NoOut_WritesToStdout()
    {
        InitModelAndData("2,2,1", "softsign");
        var result = Run("hessian", "--model", Path("m.json"), "--data", Path("d.csv"));
        Assert.True(result.Exit == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(9, doc.RootElement.GetProperty("parameters").GetInt32());
    }

    [Fact]
    public void Hessian_ModelTooLarge_IsRefusedNamingTheLimit()
    {
        Assert.Equal(0, Run("init", "--arch", "2,64,64,1", "--out", Path("m.json")).Exit);
        Assert.Equal(0, Run("dataset", "--n", "20", "--out", Path("d.csv")).Exit);
        var result = Run("hessian", "--model", Path("m.json"), "--data", Path("d.csv"), "--out", Path("h.json"));
        AssertBadInput(result, "at most 2048", Path("h.json"));
        Assert.Contains("4417 parameters", result.Err);
    }

    [Fact]
    public void Hessian_MissingModelFile_NamesIt()
    {
        Assert.Equal(0, Run("dataset", "--n", "20", "--out", Path("d.csv")).Exit);
        var result = Run("hessian", "--model", Path("nope.json"), "--data", Path("d.csv"), "--out", Path("h.json"));
        AssertBadInput(result, "nope.json", Path("h.json"));
        Assert.Contains("--model", result.Err);
    }

    [Fact]
    public void Hessian_DataWithOtherFeatureCount_SaysWhatFits()
    {
        Assert.Equal(0, Run("init", "--arch", "3,2,1", "--out", Path("m.json")).Exit);
        Assert.Equal(0, Run("dataset", "--n", "20", "--out", Path("d.csv")).Exit);
        AssertBadInput(Run("hessian", "--model", Path("m.json"), "--data", Path("d.csv"), "--out", Path("h.json")), "x1..x3", Path("h.json"));
    }

    [Theory]
    [InlineData("gelu")]
    [InlineData("relu")]
    public void Hessian_ModelWhosePassesOverflow_IsRefusedNotAnInternalError(string activation)
    {
        // Weights of order 1e120 overflow the forward pass (a NaN loss) and, for a smooth φ, the R-pass (NaN entries of H).
        Assert.Equal(0, Run("init", "--arch", "2,4,4,1", "--activation", activation, "--scale", "1e120", "--out", Path("m.json")).Exit);
        Assert.Equal(0, Run("dataset", "--n", "20", "--out", Path("d.csv")).Exit);
        var result = Run("hessian", "--model", Path("m.json"), "--data", Path("d.csv"), "--out", Path("h.json"));
        AssertBadInput(result, "not finite", Path("h.json"));
        Assert.Contains("--model", result.Err);
    }

    [Fact]
    public void Hessian_MissingData_IsOneLineAndExitTwo() =>
        AssertBadInput(Run("hessian", "--model", Path("m.json")), "--data");

    [Fact]
    public void Hessian_UnknownOption_IsOneLineAndExitTwo() =>
        AssertBadInput(Run("hessian", "--eigenvectors"), "--eigenvectors");
}
