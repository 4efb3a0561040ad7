using System.Text.Json;

namespace GradFlow.Tests.Unit.Statistics;

/// <summary>
/// The committed SciPy/NumPy reference values (oracle/stats_oracle.json, written by oracle/make_stats.py).
/// Tests read it; they never run Python.
/// </summary>
internal static class StatsOracle
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Statistics", "oracle", "stats_oracle.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    });

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Root.Value.GetProperty(section).EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static JsonElement Case(string section, string name)
    {
        foreach (var c in Root.Value.GetProperty(section).EnumerateArray())
            if (c.GetProperty("name").GetString() == name) return c;
        throw new KeyNotFoundException($"no {section} case named {name} in stats_oracle.json");
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
