using System.Text;

namespace GradFlow.IO;

/// <summary>
/// The fast path of reading a run file (a header, then rows of an integer, numbers, and a last field
/// that is empty or an integer) straight from its UTF-8 bytes, parsing no string per value. It accepts
/// only the plain text <see cref="CsvRecordWriter"/> writes — "\n" line ends, no quotes, no white space,
/// ASCII, no blank lines — and says false for anything else, so that the caller reads that file with
/// CsvHelper (<see cref="CsvFormat.Reader"/>), which reads every file the dialect allows and names what is
/// wrong with a bad one. Where both read a file, they give the same fields: the numbers are parsed by
/// <see cref="Numbers"/>' UTF-8 overloads, whose styles are those of its string ones.
/// </summary>
public static class NumberRows
{
    /// <summary>One row: its first field, the numbers between, and its last field (null when empty).</summary>
    public delegate void RowAction(int first, ReadOnlySpan<double> values, int? last);

    /// <summary>The header's fields and the number of rows after it, or false (no fields, 0 rows) when the text is not plain.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> text, out string[] header, out int rows)
    {
        header = [];
        rows = 0;
        int end = text.IndexOf((byte)'\n');
        // Stryker disable once Equality : < 0 → <= 0 adds only end = 0 (an empty first line), where the whole text, which holds that '\n', is not plain either: false both ways
        var line = end < 0 ? text : text[..end];
        if (line.IsEmpty || !IsPlain(line)) return false;
        var fields = new List<string>();
        foreach (var range in line.Split((byte)','))
        {
            var field = line[range];
            if (field.IsEmpty) return false;
            fields.Add(Encoding.ASCII.GetString(field));
        }
        header = [.. fields];
        if (end < 0) return true;
        var body = text[(end + 1)..];
        rows = body.Count((byte)'\n') + (body.IsEmpty || body[^1] == (byte)'\n' ? 0 : 1);
        return true;
    }

    /// <summary>
    /// Calls <paramref name="row"/> for every row after the header, each with <paramref name="columns"/>
    /// numbers between its first and last field, in a reused span (<paramref name="values"/>, at least that
    /// long). False, at the first row that is not plain or not of that shape: the rows before it were given.
    /// </summary>
    public static bool TryReadRows(ReadOnlySpan<byte> text, int columns, Span<double> values, RowAction row)
    {
        ArgumentNullException.ThrowIfNull(row);
        int end = text.IndexOf((byte)'\n');
        if (end < 0) return true;
        var rest = text[(end + 1)..];
        values = values[..columns];
        while (!rest.IsEmpty)
        {
            int next = rest.IndexOf((byte)'\n');
            // Stryker disable once Equality : < 0 → <= 0 adds only next = 0 (a blank line), where the whole rest, which holds that '\n', is not plain either: false both ways
            var line = next < 0 ? rest : rest[..next];
            // Stryker disable once Equality : < 0 → <= 0 adds only next = 0, a blank line, which returns false just below whatever rest is
            rest = next < 0 ? [] : rest[(next + 1)..];
            if (line.IsEmpty || !IsPlain(line)) return false;
            int field = 0, first = 0;
            int? last = null;
            foreach (var range in line.Split((byte)','))
            {
                var text1 = line[range];
                if (field == 0)
                {
                    if (!Numbers.TryParse(text1, out first)) return false;
                }
                else if (field <= columns)
                {
                    if (!Numbers.TryParse(text1, out values[field - 1])) return false;
                }
                else if (field == columns + 1)
                {
                    if (!text1.IsEmpty)
                    {
                        if (!Numbers.TryParse(text1, out int l)) return false;
                        last = l;
                    }
                }
                else return false;
                field++;
            }
            if (field != columns + 2) return false;
            row(first, values, last);
        }
        return true;
    }

    // Printable ASCII without a quote or a space: text CsvHelper reads field for field as it is split on ','.
    private static bool IsPlain(ReadOnlySpan<byte> line) => !line.ContainsAnyExceptInRange((byte)'!', (byte)'~') && !line.Contains((byte)'"');
}
