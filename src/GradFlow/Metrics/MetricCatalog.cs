using System.Globalization;
using System.Text.RegularExpressions;

namespace GradFlow.Metrics;

/// <summary>
/// Every metric a run records, each declared once. Run files, summaries, final.csv, report tables,
/// figure titles and axes and <c>gradflow plot --metric</c> read these declarations; a group's
/// computation class (an <c>IMetricGroup</c>) writes its metrics' columns in the order declared here.
/// Adding a metric: one declaration below, added to its group's list, and its computation in the group.
/// Adding a group: its declarations and list here, one computation class, one line in
/// <c>RunExecutor.MetricGroups</c> (docs/ARCHITECTURE.md).
/// </summary>
public static partial class MetricCatalog
{
    public const string CoreGroup = "core";
    public const string GradientFlowGroup = "gradient_flow";
    public const string CurvatureGroup = "curvature";
    public const string DynamicsGroup = "dynamics";

    // ---- core: loss, accuracy, weight gradients (Training.CoreMetrics) ----

    public static readonly Metric TrainLoss = new("train_loss", MetricScope.Network, CoreGroup,
        "Train loss", "binary cross-entropy (nats)", "nats", LogAxis: false, HigherIsBetter: false);
    public static readonly Metric TrainAccuracy = new("train_acc", MetricScope.Network, CoreGroup,
        "Train accuracy", "accuracy (fraction)", "fraction", LogAxis: false, HigherIsBetter: true, Short: "train acc");
    public static readonly Metric TestLoss = new("test_loss", MetricScope.Network, CoreGroup,
        "Test loss", "binary cross-entropy (nats)", "nats", LogAxis: false, HigherIsBetter: false, NeedsTestSplit: true);
    public static readonly Metric TestAccuracy = new("test_acc", MetricScope.Network, CoreGroup,
        "Test accuracy", "accuracy (fraction)", "fraction", LogAxis: false, HigherIsBetter: true, NeedsTestSplit: true, Short: "test acc");
    public static readonly Metric GradNorm = new("grad_norm", MetricScope.Layer, CoreGroup,
        "Gradient norm of W{i}", "‖∂L/∂W{i}‖ (Frobenius)", "nats per unit weight", LogAxis: true, HigherIsBetter: null);
    public static readonly Metric GradRms = new("grad_rms", MetricScope.Layer, CoreGroup,
        "RMS gradient of W{i}", "RMS of ∂L/∂W{i} entries", "nats per unit weight", LogAxis: true, HigherIsBetter: null);

    // ---- gradient flow: the study's diagnostics of z, φ′ and δ (Diagnostics.GradientFlowMetrics) ----

    public static readonly Metric DphiSmallRate = new("dphi_small_rate", MetricScope.Network, GradientFlowGroup,
        "Share of small derivatives |φ′(z)|", "P(|φ′(z)| < deriv_eps) (fraction)", "fraction", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric DphiMeanAbs = new("dphi_mean_abs", MetricScope.Network, GradientFlowGroup,
        "Mean |φ′(z)|", "|φ′(z)| (dimensionless)", "dimensionless", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric DphiP10Abs = new("dphi_p10_abs", MetricScope.Network, GradientFlowGroup,
        "10th percentile of |φ′(z)|", "|φ′(z)| (dimensionless)", "dimensionless", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric DphiP01Abs = new("dphi_p01_abs", MetricScope.Network, GradientFlowGroup,
        "1st percentile of |φ′(z)|", "|φ′(z)| (dimensionless)", "dimensionless", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric DphiLogMean = new("dphi_log_mean", MetricScope.Network, GradientFlowGroup,
        "Mean log-derivative", "mean ln(|φ′(z)| + 1e-12) (nats)", "nats", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric ZMeanAbs = new("z_mean_abs", MetricScope.Network, GradientFlowGroup,
        "Mean |z| of the hidden pre-activations", "|z| (pre-activation units)", "pre-activation units", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric ZP90Abs = new("z_p90_abs", MetricScope.Network, GradientFlowGroup,
        "90th percentile of |z|", "|z| (pre-activation units)", "pre-activation units", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric ZNear0Rate = new("z_near0_rate", MetricScope.Network, GradientFlowGroup,
        "Share of pre-activations near zero", "P(|z| ≤ z_linear_eps) (fraction)", "fraction", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric LimitRate = new("limit_rate", MetricScope.Network, GradientFlowGroup,
        "Share of units at the activation's limit", "share of units (fraction)", "fraction", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric LimitRateLayer = new("limit_rate", MetricScope.HiddenLayer, GradientFlowGroup,
        "Share of units at the limit in hidden layer {i}", "share of units (fraction)", "fraction", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric DphiMeanAbsLayer = new("dphi_mean_abs", MetricScope.HiddenLayer, GradientFlowGroup,
        "Mean |φ′(z)| in hidden layer {i}", "|φ′(z)| (dimensionless)", "dimensionless", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric ZP90AbsLayer = new("z_p90_abs", MetricScope.HiddenLayer, GradientFlowGroup,
        "90th percentile of |z| in hidden layer {i}", "|z| (pre-activation units)", "pre-activation units", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric DeadUnits = new("dead_units", MetricScope.HiddenLayer, GradientFlowGroup,
        "Dead units in hidden layer {i}", "share of the layer's units (fraction)", "fraction", LogAxis: false, HigherIsBetter: false);
    public static readonly Metric DeltaNorm = new("delta_norm", MetricScope.Layer, GradientFlowGroup,
        "Backpropagated signal into layer {i}", "‖∂L/∂z{i}‖ (Frobenius)", "nats per unit pre-activation", LogAxis: true, HigherIsBetter: null);

    // ---- curvature: the training loss's Hessian every K-th epoch, NaN between (Curvature.CurvatureMetrics; run --curvature-every K) ----

    public static readonly Metric Sharpness = new("sharpness", MetricScope.Network, CurvatureGroup,
        "Sharpness λ_max of the training loss's Hessian", "λ_max (nats per unit parameter²)", "nats per unit parameter²", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric HessianMinEig = new("hessian_min_eig", MetricScope.Network, CurvatureGroup,
        "Smallest Hessian eigenvalue λ_min", "λ_min (nats per unit parameter²)", "nats per unit parameter²", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric HessianTrace = new("hessian_trace", MetricScope.Network, CurvatureGroup,
        "Hessian trace (Hutchinson estimate, 10 probes)", "tr H (nats per unit parameter²)", "nats per unit parameter²", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric SharpnessLrOver2 = new("sharpness_lr_over_2", MetricScope.Network, CurvatureGroup,
        "Sharpness relative to the stability edge, λ_max·η/2", "λ_max·η/2 (1 = edge of stability)", "dimensionless", LogAxis: false, HigherIsBetter: null);

    // ---- dynamics: cheap instruments of the optimisation, every epoch (Curvature.DynamicsMetrics; recorded with the curvature group) ----

    public static readonly Metric UpdateRatio = new("update_ratio", MetricScope.Layer, DynamicsGroup,
        "Update ratio of W{i}", "η‖∂L/∂W{i}‖/‖W{i}‖ (dimensionless)", "dimensionless", LogAxis: true, HigherIsBetter: null);
    public static readonly Metric DistanceFromInit = new("distance_from_init", MetricScope.Network, DynamicsGroup,
        "Distance from the initial parameters", "‖θ − θ₀‖ (parameter units)", "parameter units", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric GradCosine = new("grad_cosine", MetricScope.Network, DynamicsGroup,
        "Cosine of consecutive gradients", "cos(g_t, g_t−1) (dimensionless)", "dimensionless", LogAxis: false, HigherIsBetter: null);
    public static readonly Metric StepAlpha = new("step_alpha", MetricScope.Network, DynamicsGroup,
        "Cockpit's α of the step just taken", "α (0 = line minimum, 1 = equal height beyond)", "dimensionless", LogAxis: false, HigherIsBetter: null);

    /// <summary>The core group, in column order.</summary>
    public static IReadOnlyList<Metric> Core { get; } = [TrainLoss, TrainAccuracy, TestLoss, TestAccuracy, GradNorm, GradRms];

    /// <summary>The gradient-flow group, in column order.</summary>
    public static IReadOnlyList<Metric> GradientFlow { get; } =
    [
        DphiSmallRate, DphiMeanAbs, DphiP10Abs, DphiP01Abs, DphiLogMean, ZMeanAbs, ZP90Abs, ZNear0Rate, LimitRate,
        LimitRateLayer, DphiMeanAbsLayer, ZP90AbsLayer, DeadUnits, DeltaNorm,
    ];

    /// <summary>The curvature group, in column order.</summary>
    public static IReadOnlyList<Metric> Curvature { get; } = [Sharpness, HessianMinEig, HessianTrace, SharpnessLrOver2];

    /// <summary>The dynamics group, in column order.</summary>
    public static IReadOnlyList<Metric> Dynamics { get; } = [UpdateRatio, DistanceFromInit, GradCosine, StepAlpha];

    /// <summary>Every declared metric, group by group in column order.</summary>
    public static IReadOnlyList<Metric> All { get; } = [.. Core, .. GradientFlow, .. Curvature, .. Dynamics];

    /// <summary>Every column pattern, for listing the valid names (<c>grad_norm_L{i}</c> stands for every layer).</summary>
    public static IReadOnlyList<string> Patterns { get; } = All.Select(m => m.Pattern).ToArray();

    /// <summary>The accuracy the study compares: test accuracy with a split, train accuracy without.</summary>
    public static Metric Accuracy(bool hasTestSplit) => hasTestSplit ? TestAccuracy : TrainAccuracy;

    /// <summary>The most columns a run can record with <paramref name="layerCount"/> weight layers (every declared metric, test split included).</summary>
    public static long ColumnBound(int layerCount) => All.Sum(m => (long)m.ColumnCount(layerCount));

    [GeneratedRegex(@"^(?<name>.+)_L(?<layer>\d+)$")]
    private static partial Regex PerLayer();

    /// <summary>The catalog metric of a column (<c>test_acc</c>, <c>grad_norm_L3</c>), or null for a column it does not declare.</summary>
    public static MetricColumn? Find(string column)
    {
        // Stryker disable once Statement : without it a null column still throws ArgumentNullException, from PerLayer().Match(null) (no declared name equals null)
        ArgumentNullException.ThrowIfNull(column);
        foreach (var m in All)
            if (!m.IsPerLayer && m.Name == column) return new MetricColumn(m, null);
        var match = PerLayer().Match(column);
        if (!match.Success || !int.TryParse(match.Groups["layer"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int layer)) return null;
        string name = match.Groups["name"].Value;
        foreach (var m in All)
            if (m.IsPerLayer && m.Name == name) return new MetricColumn(m, layer);
        return null;
    }
}
