using System.Text.Json;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// Correctly rounded tanh, sech², atan and exp from mpmath at 60 digits (oracle/elementary_oracle.json,
/// written by oracle/make_elementary.py). Tests read it; they never run Python.
/// </summary>
internal static class ElementaryOracle
{
    public sealed record Row(double X, double Tanh, double Sech2, double Atan, double Exp);

    private static readonly Lazy<Row[]> Loaded = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Numerics", "oracle", "elementary_oracle.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => new Row(r[0].GetDouble(), r[1].GetDouble(), r[2].GetDouble(), r[3].GetDouble(), r[4].GetDouble()))
            .ToArray();
    });

    public static IReadOnlyList<Row> Rows => Loaded.Value;
}
