using System.Globalization;
using System.Text.Json;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// NumPy's answers, written once by oracle/make_percentiles.py (np.percentile, NumPy 1.24, method
/// "linear") into oracle/percentiles.json: each case's values and, for every q, the result's 64 bits.
/// </summary>
internal static class PercentileOracle
{
    public sealed record Case(string Name, double[] Values, IReadOnlyList<double> Q, double[] Expected);

    private static readonly Lazy<IReadOnlyDictionary<string, Case>> Cases = new(Load);

    public static Case Get(string name) => Cases.Value[name];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Value.Keys) data.Add(name);
        return data;
    }

    private static Dictionary<string, Case> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Numerics", "oracle", "percentiles.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var q = doc.RootElement.GetProperty("q").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var cases = new Dictionary<string, Case>(StringComparer.Ordinal);
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            string name = c.GetProperty("name").GetString()!;
            var values = c.GetProperty("values").EnumerateArray()
                .Select(v => double.Parse(v.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            var expected = c.GetProperty("expected_bits").EnumerateArray()
                .Select(v => BitConverter.Int64BitsToDouble(unchecked((long)ulong.Parse(v.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture))))
                .ToArray();
            cases.Add(name, new Case(name, values, q, expected));
        }
        return cases;
    }

    /// <summary>Bit equality, except that any NaN matches any NaN (NumPy's and .NET's NaN payloads differ).</summary>
    public static bool SameBits(double expected, double actual) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual);

    public static string Describe(double x) =>
        $"{x.ToString("R", CultureInfo.InvariantCulture)} (0x{BitConverter.DoubleToInt64Bits(x):x16})";
}
