using System.Globalization;
using System.Text;
using GradFlow.Data;
using GradFlow.Experiments;
using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Training;

namespace GradFlow.Tests.Snapshots;

/// <summary>
/// The snapshots' text: CSV-like, invariant culture, every value to 6 significant digits, so that a
/// last-bit difference between machines prints the same while a change to the math does not.
/// Measured: a 1-ulp change of every initial weight moves no curve value by more than 2e-14 relative over
/// 3000 epochs (see SnapshotTextTests), and swapping in tanh/atan kernels that differ by ≤ 2 ulps changed
/// none of 4400 printed values. Risk, accepted: a value within ~1e-14 relative of a rounding boundary of its
/// 6th digit, or a sample within that of a rate's threshold (accuracy at 0.5, |z| ≤ z_linear_eps, …), would
/// print differently after a last-bit change — roughly one chance in 10⁴ per change of machine or kernel;
/// it shows as a one-digit diff of one line, and the approve command settles it.
/// </summary>
public static class SnapshotText
{
    /// <summary>The digits a snapshot keeps.</summary>
    public const string NumberFormat = "G6";

    /// <summary>Every 50th epoch, and the last (the runner always records the last).</summary>
    public const int SampleEvery = 50;

    /// <summary>The pooled metrics of the curves, after the core ones; a metric the run does not record is left out.</summary>
    public static IReadOnlyList<string> DiagnosticColumns { get; } = ["dphi_p01_abs", "z_p90_abs", "z_near0_rate", "limit_rate"];

    /// <summary>6 significant digits, invariant culture; -0 prints as 0; NaN and ±Infinity as .NET names them.</summary>
    public static string Number(double value) =>
        value == 0 ? "0" : value.ToString(NumberFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The curve's columns in order: train_loss, train_acc, test_acc, grad_norm_L1..Ln, then
    /// <see cref="DiagnosticColumns"/> — each only if the log has it.
    /// </summary>
    public static IReadOnlyList<string> CurveColumns(RunLog log, int layerCount)
    {
        var wanted = new List<string> { "train_loss", "train_acc", "test_acc" };
        for (int i = 1; i <= layerCount; i++) wanted.Add($"grad_norm_L{i}");
        wanted.AddRange(DiagnosticColumns);
        return wanted.Where(log.HasColumn).ToList();
    }

    /// <summary>One run's curve: a header naming the run and its spec, then a row per recorded epoch.</summary>
    public static string Curve(AblationSpec spec, RunResult run)
    {
        var log = run.Log;
        var columns = CurveColumns(log, spec.Architecture.LayerCount);
        var indices = columns.Select(log.ColumnIndex).ToArray();
        var text = new StringBuilder();
        text.Append("# run: ").Append(spec.Name).Append(' ').Append(run.Key.Stem).Append('\n');
        text.Append("# spec: ").Append(Describe(spec)).Append('\n');
        text.Append("# rows: epoch 0-based, every ").Append(Int(spec.LogEvery))
            .Append("th and the last; values to 6 significant digits\n");
        text.Append("# diverged_at: ").Append(run.DivergedAt?.ToString(CultureInfo.InvariantCulture) ?? "none").Append('\n');
        text.Append("epoch,").Append(string.Join(",", columns)).Append('\n');
        for (int r = 0; r < log.Count; r++)
        {
            var row = log.Row(r);
            text.Append(Int(log.Epoch(r)));
            foreach (int c in indices) text.Append(',').Append(Number(row[c]));
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Per layer: shape, mean, population std, min, max of W, the first three W entries (row-major), and max |b|.</summary>
    public static string Weights(string title, Mlp model)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(title).Append('\n');
        text.Append("layer,fan_in,fan_out,w_mean,w_std,w_min,w_max,w[0],w[1],w[2],b_max_abs\n");
        for (int l = 0; l < model.Layers.Count; l++)
        {
            var layer = model.Layers[l];
            var w = layer.Weights;
            double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var v in w) { sum += v; min = Math.Min(min, v); max = Math.Max(max, v); }
            double mean = sum / w.Length, squares = 0;
            foreach (var v in w) squares += (v - mean) * (v - mean);
            double bMaxAbs = 0;
            foreach (var b in layer.Bias) bMaxAbs = Math.Max(bMaxAbs, Math.Abs(b));
            text.Append(Int(l + 1)).Append(',').Append(Int(layer.FanIn)).Append(',').Append(Int(layer.FanOut))
                .Append(',').Append(Number(mean)).Append(',').Append(Number(Math.Sqrt(squares / w.Length)))
                .Append(',').Append(Number(min)).Append(',').Append(Number(max));
            for (int i = 0; i < 3; i++) text.Append(',').Append(i < w.Length ? Number(w[i]) : "");
            text.Append(',').Append(Number(bMaxAbs)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The first <paramref name="count"/> rows of a dataset: x1, x2, y.</summary>
    public static string Rows(string title, Dataset data, int count)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(title).Append('\n');
        text.Append("row,x1,x2,y\n");
        for (int i = 0; i < Math.Min(count, data.Count); i++)
        {
            var x = data.Row(i);
            text.Append(Int(i)).Append(',').Append(Number(x[0])).Append(',').Append(Number(x[1]))
                .Append(',').Append(Number(data.Y[i])).Append('\n');
        }
        return text.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The spec's fixed fields, e.g. "arch 2,16,16,1; n 300; noise 0.1; test_size 0.25; relabel_after_noise false; lr 0.05; epochs 3000".</summary>
    public static string Describe(AblationSpec spec) =>
        $"arch {spec.Architecture}; {DescribeData(spec)}; lr {spec.LearningRate.ToString("R", CultureInfo.InvariantCulture)}; epochs {Int(spec.Epochs)}";

    /// <summary>The fields the data and split are drawn from: n, noise, test_size, relabel_after_noise.</summary>
    public static string DescribeData(AblationSpec spec) =>
        $"n {Int(spec.N)}; noise {spec.Noise.ToString("R", CultureInfo.InvariantCulture)}; test_size {spec.TestSize.ToString("R", CultureInfo.InvariantCulture)}; relabel_after_noise {(spec.RelabelAfterNoise ? "true" : "false")}";
}
