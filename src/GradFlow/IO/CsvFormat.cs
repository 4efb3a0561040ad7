using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GradFlow.IO;

/// <summary>
/// The invariant-culture CSV dialect of every GradFlow file: numbers in round-trip form ("R"), so a
/// value read back is the value written, bit for bit.
/// </summary>
public static class CsvFormat
{
    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        TrimOptions = TrimOptions.Trim,
        DetectColumnCountChanges = true,
    };

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a number written by <see cref="Number(double)"/> (also NaN and ±Infinity), or returns false.</summary>
    public static bool TryParse(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses an invariant integer (digits with an optional minus sign), or returns false.</summary>
    public static bool TryParse(string? text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static CsvWriter Writer(TextWriter writer) => new(writer, Configuration, leaveOpen: true);

    public static CsvReader Reader(TextReader reader) => new(reader, Configuration);
}
