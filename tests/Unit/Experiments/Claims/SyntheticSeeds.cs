using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>Hand-made per-seed values of settings "a", "b", … (one metric "m", one recorded epoch) and claims over them.</summary>
internal static class SyntheticSeeds
{
    public static readonly AblationSpec Spec = Presets.Paper with { Name = "synthetic" };

    public static SettingKey Setting(string activation) => new(activation, "xavier", 1.0);

    public static RunResult Run(string activation, ulong seed, double value, int? divergedAt = null)
    {
        var log = new RunLog(["m"], 1);
        log.Append(0)[0] = value;
        return new RunResult(Setting(activation).WithSeed(seed), log, divergedAt);
    }

    /// <summary>Setting <paramref name="activation"/> with one run per value, seeds 0, 1, 2, ….</summary>
    public static IEnumerable<RunResult> Values(string activation, params double[] values) =>
        values.Select((v, i) => Run(activation, (ulong)i, v));

    public static ISeedValues Of(params IEnumerable<RunResult>[] settings) => SeedValues.Of(Spec, settings.SelectMany(s => s));

    public static Claim ClaimOf(params ClaimComparison[] comparisons) =>
        new("t", "a test claim", "any folder", ["m"], "as declared", "as declared", "as declared", _ => true, comparisons);

    public static ClaimComparison Paired(string first, string second, ClaimTest test, Expectation expect) =>
        new($"{first} vs {second}", test, expect, ClaimReads.PairedFinals(Setting(first), Setting(second), "m"));

    public static ClaimComparison Groups(string first, string second, Expectation expect, double? margin = null) =>
        new($"{first} vs {second}", ClaimTest.MannWhitney, expect, ClaimReads.Groups(Setting(first), Setting(second), "m")) { Margin = margin };

    public static ClaimComparison Against(string setting, double threshold, Expectation expect) =>
        new($"{setting} vs {threshold}", ClaimTest.Wilcoxon, expect, ClaimReads.Each(Setting(setting), "m", r => r.Final("m"), "m")) { Threshold = threshold };

    /// <summary>n values 1 + k/100 (k = 1 … n): distinct, above 1 and below 2.</summary>
    public static double[] Ramp(int n, double offset = 0.0) => [.. Enumerable.Range(1, n).Select(k => offset + 1.0 + k / 100.0)];

    /// <summary><see cref="Ramp"/>(n) raised by 0.1·k at seed k − 1: paired differences of distinct sizes, no ties.</summary>
    public static double[] Rise(int n) => [.. Ramp(n).Select((v, i) => v + 0.1 * (i + 1))];
}
