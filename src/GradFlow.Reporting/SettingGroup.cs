using System.Globalization;
using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Reporting;

/// <summary>
/// The settings of one init and scale, one per activation in the spec's order: what one set of figures
/// shows. <see cref="Suffix"/> tells the figures of different groups apart when the spec has several.
/// </summary>
internal sealed record SettingGroup(string Init, double Scale, IReadOnlyList<SettingSummary> Summaries, bool IsOnly)
{
    public string Suffix => IsOnly ? "" : $"_{Init}_{ScaleTag.Of(Scale)}";

    /// <summary>"xavier, scale 0.5" (empty when the spec has one init and one scale).</summary>
    public string Label => IsOnly ? "" : $"{Init}, scale {Numbers.Format(Scale)}";

    /// <summary>" — xavier, scale 0.5" for a title (empty when the spec has one init and one scale).</summary>
    public string TitleSuffix => IsOnly ? "" : " — " + Label;

    /// <summary>The summaries that have epochs (a setting whose seeds all diverged has none).</summary>
    public IEnumerable<SettingSummary> Drawable => Summaries.Where(s => s.Epochs.Length > 0);

    public bool Records(string metric) => Drawable.Any(s => HasData(s, metric));

    /// <summary>
    /// Whether the setting has a finite value of the metric at some epoch: a metric that is NaN
    /// throughout (the pooled diagnostics of a net without hidden layers) has nothing to draw.
    /// </summary>
    public static bool HasData(SettingSummary s, string metric) =>
        s.Epochs.Length > 0 && s.Metrics.Contains(metric) && s.MeanOf(metric).Any(double.IsFinite);

    /// <summary>Every (init, scale) of the spec with its settings' summaries, in the spec's order.</summary>
    public static IReadOnlyList<SettingGroup> Of(AblationSpec spec, IReadOnlyList<SettingSummary> summaries)
    {
        bool only = spec.Inits.Count * spec.Scales.Count == 1;
        var groups = new List<SettingGroup>();
        foreach (var init in spec.Inits)
            foreach (var scale in spec.Scales)
            {
                var members = new List<SettingSummary>();
                foreach (var activation in spec.Activations)
                {
                    var s = summaries.FirstOrDefault(x => x.Setting == new SettingKey(activation, init, scale));
                    if (s is not null) members.Add(s);
                }
                groups.Add(new SettingGroup(init, scale, members, only));
            }
        return groups;
    }

    /// <summary>The legend text of a setting: its activation, and how many of its seeds diverged, if any did.</summary>
    public static string LegendOf(SettingSummary s) =>
        s.DivergedCount > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{s.Setting.Activation} ({s.DivergedCount} of {s.SeedCount + s.DivergedCount} seeds diverged)")
            : s.Setting.Activation;
}
