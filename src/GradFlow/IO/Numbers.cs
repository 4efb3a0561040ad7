using System.Globalization;

namespace GradFlow.IO;

/// <summary>
/// How every GradFlow file and message writes a number: invariant culture, doubles in round-trip form
/// ("R", the shortest text that parses back to the same bits), so a value read back is the value written.
/// </summary>
public static class Numbers
{
    // Stryker disable once String : "R" → "": since .NET Core 3.0 the default format of a double is the shortest round-trip text, the same as "R"
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><see cref="Format(double)"/> into <paramref name="destination"/>, allocating nothing; false if it does not fit.</summary>
    public static bool TryFormat(double value, Span<char> destination, out int written) =>
        // Stryker disable once String : "R" → "": since .NET Core 3.0 the default format of a double is the shortest round-trip text, the same as "R"
        value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);

    /// <summary><see cref="Format(int)"/> into <paramref name="destination"/>, allocating nothing; false if it does not fit.</summary>
    public static bool TryFormat(int value, Span<char> destination, out int written) =>
        value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An integer of any size (a seed: NumPy takes any int >= 0).</summary>
    public static string Format(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a number written by <see cref="Format(double)"/> (also NaN and ±Infinity), or returns false.</summary>
    public static bool TryParse(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses an invariant integer (digits with an optional minus sign), or returns false.</summary>
    public static bool TryParse(string? text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary><see cref="TryParse(string?, out double)"/> of UTF-8 text, allocating nothing (the run-file reader's fast path).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out double value) =>
        double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary><see cref="TryParse(string?, out int)"/> of UTF-8 text, allocating nothing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out int value) =>
        int.TryParse(utf8, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
