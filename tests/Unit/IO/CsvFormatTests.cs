using GradFlow.IO;

namespace GradFlow.Tests.Unit.IO;

/// <summary>The dialect as written and read: "\n" line ends out, any line end in, fields trimmed, a fixed column count.</summary>
public sealed class CsvFormatTests
{
    private static List<string[]> ReadAll(string text)
    {
        using var csv = CsvFormat.Reader(new StringReader(text));
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[csv.Parser.Count];
            for (int i = 0; i < row.Length; i++) row[i] = csv.GetField(i)!;
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void Writer_Fields_CommaSeparatedTrimmedQuotedWhereNeededAndNewlineEnded()
    {
        using var text = new StringWriter();
        using (var csv = CsvFormat.Writer(text))
        {
            csv.WriteField(" a ");
            csv.WriteField("b,c");
            csv.NextRecord();
            csv.WriteField("1");
            csv.WriteField("2");
            csv.NextRecord();
        }

        Assert.Equal("a,\"b,c\"\n1,2\n", text.ToString());
    }

    [Fact]
    public void Writer_Disposed_LeavesItsTextWriterOpen()
    {
        using var text = new StringWriter();
        using (var csv = CsvFormat.Writer(text)) csv.WriteField("a");

        text.Write("!");

        Assert.Equal("a!", text.ToString());
    }

    [Theory]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\r1,2\r")]
    [InlineData(" a , b \n1 ,  2\n")]
    public void Reader_AnyLineEndAndSpaces_SameFields(string text) =>
        Assert.Equal([["a", "b"], ["1", "2"]], ReadAll(text));

    [Fact]
    public void Reader_RowOfAnotherWidth_Refused() =>
        Assert.ThrowsAny<CsvHelper.CsvHelperException>(() => ReadAll("a,b\n1,2\n3\n"));

    [Fact]
    public void Configurations_AreTheDialect()
    {
        Assert.Equal("\n", CsvFormat.Configuration.NewLine);
        Assert.Equal(CsvHelper.Configuration.TrimOptions.Trim, CsvFormat.Configuration.TrimOptions);
        Assert.True(CsvFormat.Configuration.DetectColumnCountChanges);
        Assert.Equal(",", CsvFormat.Configuration.Delimiter);
        Assert.True(CsvFormat.ReaderConfiguration.DetectColumnCountChanges);
        Assert.Equal(CsvHelper.Configuration.TrimOptions.Trim, CsvFormat.ReaderConfiguration.TrimOptions);
    }
}
