using System.Globalization;
using System.Text.Json;

namespace GradFlow.Tests.Unit.Theory;

/// <summary>
/// E[φ(√q z)²] and E[φ′(√q z)²] for every activation at nine q, from mpmath at 40 digits
/// (oracle/gaussian_expectations.json, written by oracle/gaussian_expectations.py).
/// </summary>
internal static class ExpectationOracle
{
    public sealed record Row(string Activation, double Q, double Phi2, double Dphi2);

    private static readonly Lazy<Row[]> Loaded = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Theory", "oracle", "gaussian_expectations.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => new Row(r.GetProperty("activation").GetString()!, r.GetProperty("q").GetDouble(),
                double.Parse(r.GetProperty("phi2").GetString()!, CultureInfo.InvariantCulture),
                double.Parse(r.GetProperty("dphi2").GetString()!, CultureInfo.InvariantCulture)))
            .ToArray();
    });

    public static IReadOnlyList<Row> Rows => Loaded.Value;
}
