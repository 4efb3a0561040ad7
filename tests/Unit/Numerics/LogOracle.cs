using System.Text.Json;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// Correctly rounded ln x from mpmath at 60 digits (oracle/log_oracle.json, written by oracle/make_log.py):
/// the normal range, dense near 1, the √2 split of the mantissa, powers of two, subnormals.
/// </summary>
internal static class LogOracle
{
    public sealed record Row(double X, double Log);

    private static readonly Lazy<Row[]> Loaded = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Numerics", "oracle", "log_oracle.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => new Row(r[0].GetDouble(), r[1].GetDouble()))
            .ToArray();
    });

    public static IReadOnlyList<Row> Rows => Loaded.Value;
}
