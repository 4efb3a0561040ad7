using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Theory;

namespace GradFlow.Tests.Unit.Theory;

public sealed class NetworkTheoryTests
{
    private static void Near(double expected, double actual, double rel, string what) =>
        Assert.True(Math.Abs(actual - expected) <= rel * Math.Abs(expected), $"{what}: {actual:R} vs {expected:R}");

    [Fact]
    public void XorMeanSquaredNorm_IsTheMeanOfTheGeneratedData()
    {
        // 2·(1/3 + σ²) against 200 000 generated points; the sample mean's standard error is computed from them.
        var data = Xor.Generate(200_000, 0.1, 7);
        var norms = Enumerable.Range(0, data.Count).Select(r => { var x = data.Row(r); return x[0] * x[0] + x[1] * x[1]; }).ToArray();
        double mean = norms.Average();
        double se = Math.Sqrt(norms.Select(v => (v - mean) * (v - mean)).Sum() / (norms.Length - 1) / norms.Length);
        Assert.True(Math.Abs(mean - NetworkTheory.XorMeanSquaredNorm(0.1)) <= 4 * se, $"mean {mean} ± {se}");
    }

    [Fact]
    public void Predict_Identity_IsTheProductOfTheLayersVariances()
    {
        var arch = new Architecture([2, 5, 7, 3, 1]);
        var p = NetworkTheory.Predict(arch, Activation<Identity>.Instance, InitScheme.Xavier, 1.3, 0.9);
        var s = NetworkTheory.LayerStds(arch, InitScheme.Xavier, 1.3);
        double q1 = s[0] * s[0] * 0.9, q2 = 5 * s[1] * s[1] * q1, q3 = 7 * s[2] * s[2] * q2;
        Near(q1, p.Layer(1).Q, 1e-13, "q¹");
        Near(q2, p.Layer(2).Q, 1e-13, "q²");
        Near(q3, p.Layer(3).Q, 1e-13, "q³");
        Near(5 * s[1] * s[1], p.Layer(1).Chi, 1e-13, "χ¹ = N₁ std₂²");
        Near(3 * s[3] * s[3], p.Layer(3).Chi, 1e-13, "χ³ into the output");
        Near(Math.Sqrt(5 * s[1] * s[1] * 7 * s[2] * s[2]), p.Layer(1).DeltaRel, 1e-13, "delta_rel¹");
        Assert.Equal(1.0, p.Layer(3).DeltaRel);
        // ‖a⁰‖² = ‖x‖², ‖a²‖² = 7 q²: the weight gradients' ratio.
        Near(Math.Sqrt(0.9 * p.Layer(1).DeltaRel * p.Layer(1).DeltaRel / (7 * q2)), p.Layer(1).WeightGradientRel, 1e-13, "grad_rel¹");
    }

    [Fact]
    public void Predict_ReluXavierAndHe_AreTheClosedForms()
    {
        var arch = new Architecture([2, 32, 32, 32, 32, 32, 32, 32, 32, 1]);
        var relu = ActivationRegistry.Get("relu");
        var xavier = NetworkTheory.Predict(arch, relu, InitScheme.Xavier, 1.0, NetworkTheory.XorMeanSquaredNorm(0.1));
        // Hidden to hidden: 32·(2/64)·½ = ½ per layer, so ‖δ¹‖/‖δ⁸‖ = (½)^{7/2}.
        Near(0.5, xavier.Layer(1).Chi, 1e-14, "χ Xavier");
        Near(Math.Pow(0.5, 3.5), xavier.Layer(1).DeltaRel, 1e-14, "delta_rel¹ Xavier");
        Near(32 * (2.0 / 33) / 2, xavier.Layer(8).Chi, 1e-14, "χ⁸ into the output");
        var he = NetworkTheory.Predict(arch, relu, InitScheme.He, 1.0, 0.7);
        Assert.All(he.Hidden.Take(7), l => Near(1.0, l.Chi, 1e-14, $"χ{l.Layer} He"));
        Near(0.7, he.Layer(1).Q, 1e-14, "q¹ He: std₁² = 2/fan_in = 1");
    }

    [Fact]
    public void PredictDataAware_RowsOfOneLength_IsThePopulationMap()
    {
        var rows = Dataset.Create([0.6, 0.8, -0.8, 0.6, 1.0, 0.0], [0, 1, 1], 2);
        var arch = new Architecture([2, 16, 16, 1]);
        var tanh = ActivationRegistry.Get("tanh");
        var aware = NetworkTheory.PredictDataAware(arch, tanh, InitScheme.Xavier, 2.0, rows);
        var population = NetworkTheory.Predict(arch, tanh, InitScheme.Xavier, 2.0, 1.0);
        for (int l = 1; l <= 2; l++)
        {
            Near(population.Layer(l).Q, aware.Layer(l).Q, 1e-14, $"q{l}");
            Near(population.Layer(l).DeltaRel, aware.Layer(l).DeltaRel, 1e-14, $"delta_rel{l}");
        }
    }

    [Fact]
    public void PredictDataAware_TanhRowsOfTwoLengths_PoolsTheirDeltas()
    {
        // Pooling: ‖δ¹‖²/‖δ²‖² = (D₁χ₁ + D₂χ₂)/(D₁ + D₂) from each row's own map, not the map of the mean length.
        var arch = new Architecture([2, 16, 16, 1]);
        var tanh = ActivationRegistry.Get("tanh");
        var a = NetworkTheory.Predict(arch, tanh, InitScheme.Xavier, 2.0, 0.1);
        var b = NetworkTheory.Predict(arch, tanh, InitScheme.Xavier, 2.0, 3.0);
        var both = NetworkTheory.PredictRows(arch, tanh, InitScheme.Xavier, 2.0, [0.1, 3.0]);
        var phi = new MeanFieldActivation(tanh);
        double da = phi.OutputDeltaSquare(a.OutputQ) * a.Layer(2).Chi, db = phi.OutputDeltaSquare(b.OutputQ) * b.Layer(2).Chi;
        Near((da * a.Layer(1).Chi + db * b.Layer(1).Chi) / (da + db), both.Layer(1).Chi, 1e-13, "pooled χ¹");
        Near((a.Layer(1).Q + b.Layer(1).Q) / 2, both.Layer(1).Q, 1e-14, "mean q¹");
        Assert.NotEqual(NetworkTheory.Predict(arch, tanh, InitScheme.Xavier, 2.0, 1.55).Layer(1).Chi, both.Layer(1).Chi, 1e-6);
    }
}
