using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class HessianVectorCheckTests
{
    private const double UnitRoundoff = 1.1102230246251565e-16;

    private static (Mlp Model, Dataset Data, double[] V) Case()
    {
        var arch = Architecture.Parse("2,3,2,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 7);
        var v = new double[model.ParameterCount];
        GradFlow.Random.Generator.DefaultRng(8).StandardNormal(v);
        return (model, GradientGateTests.SmallData(2, 7), v);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Check_DirectionNotFiniteAndNonZero_Throws(double entry)
    {
        var (model, data, _) = Case();
        var v = new double[model.ParameterCount];
        v[3] = entry;
        var e = Assert.Throws<ArgumentException>(() => HessianVectorCheck.Check(model, data, v, GradientCheckOptions.Default));
        Assert.Contains("the direction must be finite and non-zero", e.Message);
    }

    [Fact]
    public void Check_DirectionOfTheWrongLength_Throws()
    {
        var (model, data, v) = Case();
        var e = Assert.Throws<ArgumentException>(() => HessianVectorCheck.Check(model, data, v.AsSpan(1), GradientCheckOptions.Default));
        Assert.Contains($"a direction of {v.Length - 1} values for {v.Length} parameters", e.Message);
    }

    /// <summary>
    /// The rounding allowance of entry i is 3·c·u·S_i/t (c = 4·(layers + 1), t = Step/‖v‖, Step 1e-4 by default), with S_i
    /// the sum over rows of the magnitudes of the terms the gradient entry adds. Each such term is row r's own
    /// contribution, ∇ℓ_r/m: the gradient of a one-row data set (checked by the gradient gate) divided by m.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData(1e-3)]
    public void Check_Step_AllowsEachEntryTheRoundingOfItsPerRowTerms(double? step)
    {
        var (model, data, v) = Case();
        double norm = Math.Sqrt(v.Sum(x => x * x)), t = (step ?? GradientCheckOptions.DefaultStep) / norm;
        int m = data.Count, layers = model.Architecture.LayerCount;
        var sums = new double[model.ParameterCount];
        for (int r = 0; r < m; r++)
        {
            var row = Dataset.Create(data.Row(r).ToArray(), [data.Y[r]], data.Features);
            var g = LossGradient.Compute(model, row).Layers.SelectMany(l => l.Weights.Concat(l.Bias)).ToArray();
            for (int i = 0; i < g.Length; i++) sums[i] += Math.Abs(g[i]) / m;
        }

        var report = HessianVectorCheck.Check(model, data, v, GradientCheckOptions.Default with { Step = step });

        Assert.True(report.Passed, report.ToString());
        for (int i = 0; i < sums.Length; i++)
        {
            double expected = 3 * 4 * (layers + 1) * UnitRoundoff * sums[i] / t;
            Assert.True(Math.Abs(report.Entries[i].NumericRounding - expected) <= 1e-12 * expected, $"{report.Entries[i].Id}: {report.Entries[i].NumericRounding:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Check_ReluDirectionAcrossAKink_IsReportedNotJudged()
    {
        // [1,1,1] ReLU with z₁ = w₁x + b₁ = 1·1 − 1 = 0 on the kink: every probe that moves w₁ moves z₁ off it.
        var l1 = new Layer(1, 1);
        l1.Weights[0] = 1.0;
        l1.Bias[0] = -1.0;
        var l2 = new Layer(1, 1);
        l2.Weights[0] = 2.0;
        var model = new Mlp(Activation<Relu>.Instance, [l1, l2]);

        var report = HessianVectorCheck.Check(model, HessianVectorProductTests.HandData, [1.0, 0, 0, 0], GradientCheckOptions.Default);

        Assert.True(report.CrossesKink);
        Assert.False(report.Passed);
        Assert.StartsWith("HVP check not judged", report.ToString());
    }
}
