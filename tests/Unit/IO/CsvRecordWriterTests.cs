using GradFlow.IO;

namespace GradFlow.Tests.Unit.IO;

/// <summary>The allocation-free writer against CsvHelper's writer of the same dialect (the oracle): the same text for the same fields.</summary>
public sealed class CsvRecordWriterTests
{
    public static TheoryData<string> Texts => new()
    {
        "", "a", "epoch", " a", "a ", " ", "a,b", "a\"b", "\"", "a\nb", "a\rb", "x\r\ny", "\t", "tab\t", "relu_xavier_s0p5", "ünï", "a;b",
    };

    public static TheoryData<double> Values => new()
    {
        0.0, -0.0, 0.1, 1.0 / 3, -2.5e-7, 1e21, 1e-308, double.Epsilon, double.MaxValue, double.MinValue,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 123456789012345680, 0.30000000000000004,
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Field_Text_SameCharactersAsCsvHelper(string text) =>
        Assert.Equal(WithCsvHelper(csv => { csv.WriteField("x"); csv.WriteField(text); csv.WriteField(text); csv.NextRecord(); }),
            WithRecordWriter(csv => { csv.Field("x"); csv.Field(text); csv.Field(text); csv.EndRecord(); }));

    [Fact]
    public void Field_NullText_AnEmptyFieldAsCsvHelperWritesIt() =>
        Assert.Equal(WithCsvHelper(csv => { csv.WriteField((string?)null); csv.WriteField("a"); csv.WriteField((string?)null); csv.NextRecord(); }),
            WithRecordWriter(csv => { csv.Field((string?)null); csv.Field("a"); csv.Field((string?)null); csv.EndRecord(); }));

    [Fact]
    public void EndRecord_NextRecordStartsWithoutASeparator() =>
        Assert.Equal("a,1\n2,b\n\n", WithRecordWriter(csv => { csv.Field("a"); csv.Field(1); csv.EndRecord(); csv.Field(2.0); csv.Field("b"); csv.EndRecord(); csv.EndRecord(); }));

    [Theory]
    [MemberData(nameof(Values))]
    public void Field_Number_SameCharactersAsNumbersFormatThroughCsvHelper(double value) =>
        Assert.Equal(WithCsvHelper(csv => { csv.WriteField(Numbers.Format(value)); csv.WriteField(Numbers.Format(-7)); csv.NextRecord(); }),
            WithRecordWriter(csv => { csv.Field(value); csv.Field(-7); csv.EndRecord(); }));

    [Fact]
    public void Field_ManyRecords_SameTextAsCsvHelper()
    {
        var random = new System.Random(7);
        var values = Enumerable.Range(0, 500).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30))).ToArray();
        string expected = WithCsvHelper(csv =>
        {
            for (int r = 0; r < 50; r++)
            {
                csv.WriteField(Numbers.Format(r));
                for (int c = 0; c < 10; c++) csv.WriteField(Numbers.Format(values[r * 10 + c]));
                csv.WriteField("");
                csv.NextRecord();
            }
        });
        string actual = WithRecordWriter(csv =>
        {
            for (int r = 0; r < 50; r++)
            {
                csv.Field(r);
                for (int c = 0; c < 10; c++) csv.Field(values[r * 10 + c]);
                csv.Field("");
                csv.EndRecord();
            }
        });
        Assert.Equal(expected, actual);
    }

    private static string WithCsvHelper(Action<CsvHelper.CsvWriter> write)
    {
        using var text = new StringWriter();
        using (var csv = CsvFormat.Writer(text)) write(csv);
        return text.ToString();
    }

    private static string WithRecordWriter(Action<CsvRecordWriter> write)
    {
        using var text = new StringWriter();
        write(new CsvRecordWriter(text));
        return text.ToString();
    }
}
