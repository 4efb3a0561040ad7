using System.Text.RegularExpressions;

namespace GradFlow.Reporting;

/// <summary>What a recorded metric is called on a figure: a title phrase and an axis label with its unit.</summary>
internal static partial class MetricText
{
    [GeneratedRegex(@"^(?<base>.+)_L(?<layer>\d+)$")]
    private static partial Regex PerLayer();

    /// <summary>The metric's base name and 1-based layer, or (metric, null) for a pooled metric.</summary>
    public static (string Base, int? Layer) Split(string metric)
    {
        var m = PerLayer().Match(metric);
        return m.Success ? (m.Groups["base"].Value, int.Parse(m.Groups["layer"].Value, System.Globalization.CultureInfo.InvariantCulture)) : (metric, null);
    }

    /// <summary>Norms span decades, so they are drawn on a log axis.</summary>
    public static bool IsLogScale(string metric) => Split(metric).Base is "grad_norm" or "grad_rms" or "delta_norm";

    public static string Title(string metric)
    {
        var (b, layer) = Split(metric);
        string l = layer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return b switch
        {
            "train_loss" => "Train loss",
            "test_loss" => "Test loss",
            "train_acc" => "Train accuracy",
            "test_acc" => "Test accuracy",
            "grad_norm" => $"Gradient norm of W{l}",
            "grad_rms" => $"RMS gradient of W{l}",
            "delta_norm" => $"Backpropagated signal into layer {l}",
            "dphi_small_rate" => "Share of small derivatives |φ′(z)|",
            "dphi_mean_abs" => layer is null ? "Mean |φ′(z)|" : $"Mean |φ′(z)| in hidden layer {l}",
            "dphi_p10_abs" => "10th percentile of |φ′(z)|",
            "dphi_p01_abs" => "1st percentile of |φ′(z)|",
            "dphi_log_mean" => "Mean log-derivative",
            "z_mean_abs" => "Mean |z| of the hidden pre-activations",
            "z_p90_abs" => layer is null ? "90th percentile of |z|" : $"90th percentile of |z| in hidden layer {l}",
            "z_near0_rate" => "Share of pre-activations near zero",
            "limit_rate" => layer is null ? "Share of units at the activation's limit" : $"Share of units at the limit in hidden layer {l}",
            "dead_units" => $"Dead units in hidden layer {l}",
            _ => metric,
        };
    }

    public static string Axis(string metric)
    {
        var (b, layer) = Split(metric);
        string l = layer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return b switch
        {
            "train_loss" or "test_loss" => "binary cross-entropy (nats)",
            "train_acc" or "test_acc" => "accuracy (fraction)",
            "grad_norm" => $"‖∂L/∂W{l}‖ (Frobenius)",
            "grad_rms" => $"RMS of ∂L/∂W{l} entries",
            "delta_norm" => $"‖∂L/∂z{l}‖ (Frobenius)",
            "dphi_small_rate" => "P(|φ′(z)| < deriv_eps) (fraction)",
            "dphi_mean_abs" or "dphi_p10_abs" or "dphi_p01_abs" => "|φ′(z)| (dimensionless)",
            "dphi_log_mean" => "mean ln(|φ′(z)| + 1e-12) (nats)",
            "z_mean_abs" or "z_p90_abs" => "|z| (pre-activation units)",
            "z_near0_rate" => "P(|z| ≤ z_linear_eps) (fraction)",
            "limit_rate" => "share of units (fraction)",
            "dead_units" => "share of the layer's units (fraction)",
            _ => metric,
        };
    }
}
