using System.Globalization;
using System.Text;
using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Reporting;

/// <summary>report.md's theory section: the mean-field delta_rel per layer beside the runs, at epoch 0 and at the last epoch.</summary>
internal static class TheorySection
{
    public static void Append(StringBuilder md, AblationSpec spec, IReadOnlyList<TheoryLayer> theory)
    {
        md.Append("## Theory at initialisation (mean field)\n\n");
        if (spec.Arch.Count == 2) { md.Append("The network has no hidden layer: there is no signal to propagate between layers.\n\n"); return; }
        if (theory.Count == 0) { md.Append("No setting has a run with the backpropagated signal recorded.\n\n"); return; }
        int lastHidden = spec.Arch.Count - 2;
        md.Append("Mean-field signal propagation (Poole et al. 2016; Schoenholz et al. 2017) predicts before any step how the backpropagated signal ‖δ^l‖ = ‖∂L/∂z^l‖ changes from layer to layer: ");
        md.Append("‖δ^l‖²/‖δ^{l+1}‖² = N_l·std_{l+1}²·E[φ′(√q^l z)²], where q^l, the layer's mean z², follows q¹ = std_1²·‖x‖², q^{l+1} = N_l·std_{l+1}²·E[φ(√q^l z)²] from each training row's own ‖x‖², and the rows' ‖δ‖² are pooled as the backward pass pools them. ");
        md.Append(Inv($"The table compares the predicted delta_rel = ‖δ^l‖/‖δ^{lastHidden}‖ with the measured delta_norm_L{{l}}/delta_norm_L{lastHidden}, geometric mean over the seeds (`gradflow theory` prints the maps for any spec).\n\n"));

        md.Append(Inv($"The last hidden layer ({lastHidden}) is 1 by definition and left out.\n\n"));
        md.Append("| activation | init | scale | layer | predicted | epoch 0 | epoch 0 / predicted | last epoch | last / predicted |\n");
        md.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var t in theory.OrderBy(t => ReportMarkdown.IndexOf(spec.Inits, t.Setting.Init)).ThenBy(t => ReportMarkdown.IndexOf(spec.Scales, t.Setting.Scale))
                     .ThenBy(t => ReportMarkdown.IndexOf(spec.Activations, t.Setting.Activation)).ThenBy(t => t.Layer).Where(t => t.Layer < lastHidden))
        {
            md.Append(Inv($"| {t.Setting.Activation} | {t.Setting.Init} | {Numbers.Format(t.Setting.Scale)} | {t.Layer} | {Format.Number(t.Predicted)} | {Format.Number(t.MeasuredFirst)} | {Format.Number(t.MeasuredFirst / t.Predicted)} | {Format.Number(t.MeasuredLast)} | {Format.Number(t.MeasuredLast / t.Predicted)} |\n"));
        }
        md.Append('\n');

        var inner = theory.Where(t => t.Layer < lastHidden).ToArray();
        if (inner.Length == 0) { md.Append("With one hidden layer there is no ratio between hidden layers to compare.\n\n"); return; }
        var worstFirst = Worst(inner, t => t.MeasuredFirst);
        if (worstFirst is { } wf)
            md.Append(Inv($"At epoch {wf.Row.FirstEpoch} the prediction applies: the runs' signal profile is a random network's. The largest miss is a factor of {Format.Number(Math.Exp(wf.Miss))} ({wf.Row.Setting.Activation}, {wf.Row.Setting.Init}, scale {Numbers.Format(wf.Row.Setting.Scale)}, layer {wf.Row.Layer}), from finite width, the 2-dimensional input and the seeds' spread, which the infinite-width maps leave out.\n\n"));
        WeakestStart(md, spec, inner);
        var worstLast = Worst(inner, t => t.MeasuredLast);
        if (worstLast is { } wl)
        {
            md.Append(Inv($"At the last epoch ({wl.Row.LastEpoch}) the theory no longer applies: training has changed the weights it assumes random and independent of the data. "));
            md.Append(Inv($"How far training moved the network from its prediction: up to a factor of {Format.Number(Math.Exp(wl.Miss))} ({wl.Row.Setting.Activation}, {wl.Row.Setting.Init}, scale {Numbers.Format(wl.Row.Setting.Scale)}, layer {wl.Row.Layer}); the median factor over settings and layers is {Format.Number(Math.Exp(Median(inner, t => t.MeasuredLast)))}.\n\n"));
        }
    }

    // Per init and scale: which activation passes the least signal back to layer 1, predicted and measured at epoch 0.
    private static void WeakestStart(StringBuilder md, AblationSpec spec, IReadOnlyList<TheoryLayer> inner)
    {
        if (spec.Activations.Count < 2) return;
        md.Append("Which activation starts with the weakest signal reaching layer 1 (smallest delta_rel), predicted / measured: ");
        var parts = new List<string>();
        foreach (var init in spec.Inits)
            foreach (var scale in spec.Scales)
            {
                var first = inner.Where(t => t.Layer == 1 && t.Setting.Init == init && t.Setting.Scale == scale).ToArray();
                if (first.Length < 2) continue;
                string predicted = first.MinBy(t => t.Predicted)!.Setting.Activation;
                string measured = first.Where(t => double.IsFinite(t.MeasuredFirst)).MinBy(t => t.MeasuredFirst)?.Setting.Activation ?? "—";
                parts.Add(Inv($"{init}, scale {Numbers.Format(scale)}: {predicted} / {measured}"));
            }
        md.Append(string.Join("; ", parts)).Append(". An activation that trains fastest while starting with the weakest backward signal does not owe its speed to less attenuation at initialisation.\n\n");
    }

    // The row whose |ln(measured/predicted)| is largest, with that value.
    private static (TheoryLayer Row, double Miss)? Worst(IReadOnlyList<TheoryLayer> theory, Func<TheoryLayer, double> measured)
    {
        (TheoryLayer Row, double Miss)? worst = null;
        foreach (var t in theory)
        {
            double miss = Math.Abs(Math.Log(measured(t) / t.Predicted));
            if (double.IsFinite(miss) && (worst is null || miss > worst.Value.Miss)) worst = (t, miss);
        }
        return worst;
    }

    private static double Median(IReadOnlyList<TheoryLayer> theory, Func<TheoryLayer, double> measured)
    {
        var misses = theory.Select(t => Math.Abs(Math.Log(measured(t) / t.Predicted))).Where(double.IsFinite).Order().ToArray();
        if (misses.Length == 0) return double.NaN;
        return misses.Length % 2 == 1 ? misses[misses.Length / 2] : 0.5 * (misses[misses.Length / 2 - 1] + misses[misses.Length / 2]);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
