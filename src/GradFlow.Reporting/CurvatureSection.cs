using System.Globalization;
using System.Text;
using GradFlow.Experiments;
using GradFlow.IO;
using GradFlow.Metrics;

namespace GradFlow.Reporting;

/// <summary>
/// The report's curvature section, when the runs recorded it: per setting the seed-mean sharpness at the
/// first measured epoch, its largest value, and the median over the second half of training of λ_max·η/2,
/// read in words against the stability edge 1 (Cohen et al., ICLR 2021).
/// </summary>
internal static class CurvatureSection
{
    public static void Append(StringBuilder md, AblationSpec spec, IReadOnlyList<SettingSummary> summaries)
    {
        string sharp = MetricCatalog.Sharpness.Name, edge = MetricCatalog.SharpnessLrOver2.Name;
        var measured = summaries.Where(s => SettingGroup.HasData(s, sharp) && SettingGroup.HasData(s, edge)).ToArray();
        if (measured.Length == 0) return;
        md.Append("## Curvature and the edge of stability\n\n");
        md.Append(Inv($"λ_max is the largest eigenvalue of the training loss's Hessian (Lanczos on exact Hessian-vector products, {EveryKth(spec.CurvatureEvery)}); gradient descent at rate η is stable on the local quadratic while λ_max·η/2 < 1. "));
        md.Append("Values are seed means; \"second half\" is the median of λ_max·η/2 over the measured epochs of the second half of training. The trace column of the run files is a Hutchinson estimate (10 Rademacher probes).\n\n");
        md.Append("| activation | init | scale | η | λ_max at start | largest λ_max | 2/η | second half λ_max·η/2 | where it sat |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var s in measured)
        {
            var k = s.Setting;
            double eta = spec.RateOf(k);
            var lambda = s.MeanOf(sharp).Where(double.IsFinite).ToArray();
            var ratio = s.MeanOf(edge);
            var second = Enumerable.Range(0, ratio.Length).Where(i => s.Epochs[i] >= spec.Epochs / 2 && double.IsFinite(ratio[i])).Select(i => ratio[i]).ToArray();
            double median = second.Length > 0 ? GradFlow.Experiments.Quantile.Median(second) : double.NaN;
            md.Append(Inv($"| {k.Activation} | {k.Init} | {Numbers.Format(k.Scale)} | {Numbers.Format(eta)} | {Format.Number(lambda[0])} | {Format.Number(lambda.Max())} | {Format.Number(2 / eta)} | {Format.Number(median)} | {Words(median, lambda[0], lambda.Max())} |\n"));
        }
        md.Append('\n');
    }

    /// <summary>The plain-words reading of one setting's position relative to the edge.</summary>
    public static string Words(double secondHalf, double start, double largest)
    {
        string sharpening = largest > 1.2 * start ? "sharpened during training" : "did not sharpen";
        string where = double.IsNaN(secondHalf) ? "no measurement in the second half"
            : secondHalf < 0.5 ? "far inside the stable region"
            : secondHalf < 0.8 ? "inside the stable region, approaching the edge"
            : secondHalf <= 1.25 ? "at the edge of stability"
            : "beyond the edge (λ_max above 2/η)";
        return $"{where}; {sharpening}";
    }

    /// <summary>"every epoch", "every 2nd epoch", "every 10th epoch": the measuring cadence in words.</summary>
    public static string EveryKth(int every)
    {
        if (every == 1) return "every epoch";
        // 11th, 12th, 13th (and 111th …) take "th" whatever their last digit.
        string suffix = (every % 100) is >= 11 and <= 13 ? "th" : (every % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return string.Create(CultureInfo.InvariantCulture, $"every {every}{suffix} epoch");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
