using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GradFlow.IO;

/// <summary>
/// The invariant-culture CSV dialect of every GradFlow file ("\n" line ends when written; "\n", "\r\n" or
/// "\r" accepted when read, so a file that passed through an editor or another OS still reads; fields
/// trimmed, a fixed column count); numbers go in as <see cref="Numbers.Format(double)"/>, so a value read back is the value written.
/// </summary>
public static class CsvFormat
{
    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        TrimOptions = TrimOptions.Trim,
        DetectColumnCountChanges = true,
    };

    /// <summary>The reading side: no NewLine set, so CsvHelper's parser ends a record at any of "\r\n", "\r" and "\n".</summary>
    public static CsvConfiguration ReaderConfiguration { get; } = new(CultureInfo.InvariantCulture)
    {
        TrimOptions = TrimOptions.Trim,
        DetectColumnCountChanges = true,
    };

    public static CsvWriter Writer(TextWriter writer) => new(writer, Configuration, leaveOpen: true);

    public static CsvReader Reader(TextReader reader) => new(reader, ReaderConfiguration);
}
