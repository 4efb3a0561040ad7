namespace GradFlow.IO;

/// <summary>
/// Writes <see cref="CsvFormat"/>'s dialect straight into a <see cref="TextWriter"/>, numbers formatted
/// into a reused buffer (<see cref="Numbers.TryFormat(double, Span{char}, out int)"/>), so a file of
/// millions of values allocates no string per value. The bytes are CsvHelper's for the same fields: a
/// text field is trimmed of white space, then quoted (its quotes doubled) when it holds a quote, the
/// delimiter or "\n"; fields are separated by ',' and records end in "\n".
/// </summary>
public sealed class CsvRecordWriter(TextWriter writer)
{
    // Longer than any round-trip double ("-1.2345678901234567E-308" is 24) or integer.
    private readonly char[] _number = new char[64];
    private bool _recordStarted;

    public void Field(string? text)
    {
        Separate();
        // The dialect trims fields (CsvFormat's TrimOptions.Trim), on writing too.
        text = text?.Trim();
        // Stryker disable once Statement : without the return, a null or empty field is not quoted (NeedsQuotes of an empty span) and Write writes nothing: the same output
        if (string.IsNullOrEmpty(text)) return;
        if (!NeedsQuotes(text))
        {
            writer.Write(text);
            return;
        }
        writer.Write('"');
        foreach (char c in text)
        {
            if (c == '"') writer.Write('"');
            writer.Write(c);
        }
        writer.Write('"');
    }

    public void Field(double value)
    {
        Separate();
        // Stryker disable once Statement,String : unreachable: a round-trip double is at most 24 characters, the buffer 64, so TryFormat never fails
        if (!Numbers.TryFormat(value, _number, out int length)) throw new InvalidOperationException("number buffer too small");
        writer.Write(_number.AsSpan(0, length));
    }

    public void Field(int value)
    {
        Separate();
        // Stryker disable once Statement,String : unreachable: an int is at most 11 characters, the buffer 64, so TryFormat never fails
        if (!Numbers.TryFormat(value, _number, out int length)) throw new InvalidOperationException("number buffer too small");
        writer.Write(_number.AsSpan(0, length));
    }

    public void EndRecord()
    {
        writer.Write('\n');
        _recordStarted = false;
    }

    private void Separate()
    {
        if (_recordStarted) writer.Write(',');
        _recordStarted = true;
    }

    // CsvHelper's ShouldQuote for this dialect (NewLine "\n" set, delimiter ",", quote '"'), on a trimmed field.
    private static bool NeedsQuotes(string text) => text.AsSpan().IndexOfAny('"', ',', '\n') >= 0;
}
