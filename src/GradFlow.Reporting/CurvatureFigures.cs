using System.Numerics;
using System.Globalization;
using GradFlow.Experiments;
using GradFlow.IO;
using GradFlow.Metrics;
using ScottPlot;

namespace GradFlow.Reporting;

/// <summary>
/// Curvature, per init, scale and learning rate, when the runs recorded it (<c>--curvature-every</c>): the
/// sharpness λ_max over epochs per activation with the stability edge 2/η as a dashed line (Cohen et al.
/// 2021), and per activation a layer × epoch heat map of log10 of the update ratio η‖∂L/∂W‖/‖W‖.
/// </summary>
internal static class CurvatureFigures
{
    public static IEnumerable<Figure> For(AblationSpec spec, SettingGroup g)
    {
        int layers = spec.Arch.Count - 1;
        double eta = g.LearningRate ?? spec.Rates[0];
        string seeds = StudyFigures.SeedsPhrase(spec);
        string meanOnly = StudyFigures.SeedsPhrase(spec, withStd: false);
        var members = g.Drawable.Where(s => SettingGroup.HasData(s, MetricCatalog.Sharpness.Name)).ToArray();
        if (members.Length > 0)
        {
            string edge = Numbers.Format(2 / eta);
            yield return new Figure($"{MetricCatalog.Sharpness.Name}{g.Suffix}", g.Label,
                Inv($"Sharpness λ_max of the training loss's Hessian vs epoch per activation, η = {Numbers.Format(eta)}, with the stability edge 2/η = {edge}{g.TitleSuffix} ({seeds})"),
                Inv($"Below the dashed line (2/η = {edge}) gradient descent is stable on the local quadratic; a curve that rises toward it is progressive sharpening, one that reaches it and stays is at the edge of stability."),
                () => Sharpness(members, eta, g, seeds));
        }

        if (members.Length > 0)
        {
            BigInteger seed = spec.Seeds[0];
            yield return new Figure($"spectrum{g.Suffix}", g.Label,
                Inv($"Full Hessian spectrum at the first and last epoch per activation, seed {seed}{g.TitleSuffix}"),
                "Eigenvalues in ascending order (dashed: epoch 0, solid: last epoch). Training typically leaves most of them near zero and pulls a few outliers up: the top one is the sharpness; negative ones are directions of negative curvature.",
                () => Spectrum(spec, members, seed, g));
        }

        var ratios = g.Drawable.Where(s => GradientFlowFigures.HasAll(s, MetricCatalog.UpdateRatio, layers)).ToArray();
        if (ratios.Length > 0)
        {
            var range = GradientFlowFigures.Log10Range(ratios, MetricCatalog.UpdateRatio, layers);
            foreach (var s in ratios)
            {
                string act = s.Setting.Activation;
                yield return new Figure($"{MetricCatalog.UpdateRatio.Name}_heatmap_{act}{g.Suffix}", g.Label,
                    Inv($"Layer × epoch heat map of log10 of the update ratio η‖∂L/∂W‖/‖W‖, {act}{g.TitleSuffix} ({meanOnly})"),
                    "The CS231n rule of thumb puts a healthy update ratio near 1e-3 (−3 here): much lower rows barely move, much higher ones are rewritten every step. Every activation of this setting shares one color scale.",
                    () => GradientFlowFigures.LayerHeatmap(s, MetricCatalog.UpdateRatio, layers, range,
                        Inv($"log10 update ratio per layer, {act}{g.TitleSuffix} ({meanOnly})"), "log10 η‖∂L/∂W‖/‖W‖"));
            }
        }
    }

    private static Plot Sharpness(IReadOnlyList<SettingSummary> members, double eta, SettingGroup g, string seeds)
    {
        var curves = new List<Curve>();
        string column = MetricCatalog.Sharpness.Name;
        foreach (var s in members)
        {
            var mean = s.MeanOf(column);
            var std = s.StdOf(column);
            // Only the measured epochs: the others are NaN by design.
            var at = Enumerable.Range(0, mean.Length).Where(i => double.IsFinite(mean[i])).ToArray();
            curves.Add(new Curve(SettingGroup.LegendOf(s), FigureStyle.ActivationColor(s.Setting.Activation),
                at.Select(i => (double)s.Epochs[i]).ToArray(), at.Select(i => mean[i]).ToArray(), at.Select(i => std[i]).ToArray(), LinePattern.Solid));
        }
        string rate = g.LearningRate is null ? Inv($", η = {Numbers.Format(eta)}") : ""; // a multi-rate group names η in its suffix
        var plot = CurveChart.Draw(Inv($"Sharpness λ_max{rate}{g.TitleSuffix} ({seeds})"), "epoch", "λ_max (nats per unit parameter²)", curves, logY: false);
        var line = plot.Add.HorizontalLine(2 / eta);
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 2;
        line.Color = Colors.Black;
        line.LegendText = Inv($"2/η = {Numbers.Format(2 / eta)}");
        double top = Math.Max(curves.SelectMany(c => c.Mean.Zip(c.Std!, (m, d) => m + d)).DefaultIfEmpty(0).Max(), 2 / eta);
        plot.Axes.SetLimitsY(0, top * 1.1);
        return plot;
    }

    private static Plot Spectrum(AblationSpec spec, IReadOnlyList<SettingSummary> members, BigInteger seed, SettingGroup g)
    {
        var curves = new List<Curve>();
        foreach (var s in members)
        {
            if (SpectrumAtEnds.Compute(spec, s.Setting.WithSeed(seed)) is not var (first, last)) continue;
            var rank = Enumerable.Range(1, first.Length).Select(i => (double)i).ToArray();
            var color = FigureStyle.ActivationColor(s.Setting.Activation);
            curves.Add(new Curve($"{s.Setting.Activation}, epoch 0", color, rank, first, null, LinePattern.Dashed));
            curves.Add(new Curve(Inv($"{s.Setting.Activation}, epoch {spec.Epochs - 1}"), color, rank, last, null, LinePattern.Solid));
        }
        return CurveChart.Draw(Inv($"Hessian spectrum, first and last epoch, seed {seed}{g.TitleSuffix}"), "eigenvalue rank (ascending)", "eigenvalue (nats per unit parameter²)", curves, logY: false);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
