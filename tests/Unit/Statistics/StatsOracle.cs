using System.Text.Json;

namespace GradFlow.Tests.Unit.Statistics;

/// <summary>
/// The committed SciPy/NumPy reference values (oracle/stats_oracle.json, written by oracle/make_stats.py;
/// oracle/paired_oracle.json, written by oracle/make_paired.py). Tests read them; they never run Python.
/// </summary>
internal static class StatsOracle
{
    private static readonly Lazy<JsonElement[]> Roots = new(() =>
        new[] { "stats_oracle.json", "paired_oracle.json" }.Select(file =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Statistics", "oracle", file);
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.Clone();
        }).ToArray());

    private static JsonElement Section(string section) =>
        Roots.Value.Select(r => r.TryGetProperty(section, out var s) ? s : default).FirstOrDefault(s => s.ValueKind == JsonValueKind.Array) is { ValueKind: JsonValueKind.Array } found
            ? found
            : throw new KeyNotFoundException($"no section {section} in the statistics oracles");

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Section(section).EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static JsonElement Case(string section, string name)
    {
        foreach (var c in Section(section).EnumerateArray())
            if (c.GetProperty("name").GetString() == name) return c;
        throw new KeyNotFoundException($"no {section} case named {name} in the statistics oracles");
    }

    public static double[] Doubles(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    /// <summary>A double that the generator writes as null when NumPy gave NaN.</summary>
    public static double DoubleOrNaN(this JsonElement e, string property)
    {
        var v = e.GetProperty(property);
        return v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble();
    }

    public static int? IntOrNull(this JsonElement e, string property)
    {
        var v = e.GetProperty(property);
        return v.ValueKind == JsonValueKind.Null ? null : v.GetInt32();
    }

    /// <summary>|actual − expected| ≤ rel·|expected| (exact equality required when expected is 0).</summary>
    public static void AssertRelative(double expected, double actual, double rel, string what)
    {
        double err = Math.Abs(actual - expected);
        Assert.True(err <= rel * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (|diff| {err:R} > {rel:R} relative)");
    }
}
