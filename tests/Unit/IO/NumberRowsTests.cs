using System.Text;
using GradFlow.IO;

namespace GradFlow.Tests.Unit.IO;

/// <summary>
/// The byte-level run-file parser against CsvHelper's reader of the same dialect with
/// <see cref="Numbers.TryParse(string?, out double)"/> per field (the oracle): the same header and the
/// same bits for every text <see cref="CsvRecordWriter"/> writes, and false for any text it would not
/// write, which the caller then hands to CsvHelper.
/// </summary>
public sealed class NumberRowsTests
{
    private static readonly double[] Specials =
    [
        0.0, -0.0, 0.1, 1.0 / 3, -2.5e-7, 1e21, 1e-308, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 123456789012345680, 0.30000000000000004, 5e-324, 1.7976931348623157e308,
    ];

    [Fact]
    public void TryReadRows_TextTheWriterWrote_SameBitsAsCsvHelper()
    {
        string text = Written(rows: 200, columns: 7, divergedEvery: 13);

        var (header, rows) = Fast(text);
        var (expectedHeader, expectedRows) = WithCsvHelper(text);

        Assert.Equal(expectedHeader, header);
        Assert.Equal(expectedRows.Count, rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            Assert.Equal(expectedRows[r].First, rows[r].First);
            Assert.Equal(expectedRows[r].Last, rows[r].Last);
            Assert.Equal(expectedRows[r].Values.Select(BitConverter.DoubleToInt64Bits), rows[r].Values.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void TryReadHeader_NoFinalLineEnd_CountsTheLastRow()
    {
        string text = Written(rows: 3, columns: 2, divergedEvery: 0).TrimEnd('\n');

        Assert.True(NumberRows.TryReadHeader(Encoding.ASCII.GetBytes(text), out var header, out int rows));

        Assert.Equal(["epoch", "m0", "m1", "last"], header);
        Assert.Equal(3, rows);
        Assert.Equal(3, Fast(text).Rows.Count);
    }

    public static TheoryData<string, string> NotPlain => new()
    {
        { "crlf line ends", "epoch,a,last\r\n0,1,\r\n" },
        { "cr line ends", "epoch,a,last\r0,1,\r" },
        { "a quoted field", "epoch,a,last\n0,\"1\",\n" },
        { "a space around a number", "epoch,a,last\n0, 1,\n" },
        { "a tab", "epoch,a,last\n0,1\t,\n" },
        { "a blank line", "epoch,a,last\n0,1,\n\n1,2,\n" },
        { "a byte-order mark", "\uFEFFepoch,a,last\n0,1,\n" },
        { "a field too many", "epoch,a,last\n0,1,,\n" },
        { "a field too few", "epoch,a,last\n0,1\n" },
        { "a word for a number", "epoch,a,last\n0,one,\n" },
        { "a fraction for the epoch", "epoch,a,last\n0.5,1,\n" },
        { "a fraction in the last field", "epoch,a,last\n0,1,2.5\n" },
        { "a number beyond int", "epoch,a,last\n2147483648,1,\n" },
        { "non-ASCII", "epoch,a,last\n0,1,é\n" },
        { "an empty header field", "epoch,,last\n0,1,\n" },
        { "an empty header line", "\nepoch,a,last\n0,1,\n" },
        { "a quote in the header", "epoch,\"a\",last\n0,1,\n" },
    };

    [Theory]
    [MemberData(nameof(NotPlain))]
    public void TryRead_TextTheWriterWouldNotWrite_SaysFalse(string what, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        bool plain = NumberRows.TryReadHeader(bytes, out var header, out _)
                     && NumberRows.TryReadRows(bytes, header.Length - 2, new double[Math.Max(0, header.Length - 2)], (_, _, _) => { });

        Assert.False(plain, $"{what} should be left to CsvHelper");
    }

    [Theory]
    [InlineData("epoch,a,last")]
    [InlineData("epoch,a,last\n")]
    public void TryRead_HeaderOnly_TheHeaderAndNoRows(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        int calls = 0;

        Assert.True(NumberRows.TryReadHeader(bytes, out var header, out int rows));
        Assert.True(NumberRows.TryReadRows(bytes, 1, new double[1], (_, _, _) => calls++));

        Assert.Equal(["epoch", "a", "last"], header);
        Assert.Equal(0, rows);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("epoch,,last\n0,1,\n")]
    [InlineData("epoch,\"a\",last\n")]
    public void TryReadHeader_NotPlain_FalseWithNoFieldsAndNoRows(string text)
    {
        Assert.False(NumberRows.TryReadHeader(Encoding.UTF8.GetBytes(text), out var header, out int rows));

        Assert.Empty(header);
        Assert.Equal(0, rows);
    }

    // TryReadRows skips the first line whatever it holds (TryReadHeader judges it): an empty one too.
    [Fact]
    public void TryReadRows_EmptyFirstLine_GivesTheRowsAfterIt()
    {
        var firsts = new List<int>();

        Assert.True(NumberRows.TryReadRows("\n3,1,\n4,2,7\n"u8, 1, new double[1], (first, _, _) => firsts.Add(first)));

        Assert.Equal([3, 4], firsts);
    }

    [Fact]
    public void TryReadRows_LongerBuffer_EachRowSeesExactlyTheColumns()
    {
        var bytes = Encoding.ASCII.GetBytes("epoch,a,b,last\n3,0.5,-2,\n4,1e3,7,-1\n");
        var rows = new List<(int First, double[] Values, int? Last)>();

        Assert.True(NumberRows.TryReadRows(bytes, 2, new double[6], (first, values, last) => rows.Add((first, values.ToArray(), last))));

        Assert.Equal(2, rows.Count);
        Assert.Equal((3, (int?)null), (rows[0].First, rows[0].Last));
        Assert.Equal([0.5, -2.0], rows[0].Values);
        Assert.Equal((4, (int?)-1), (rows[1].First, rows[1].Last));
        Assert.Equal([1000.0, 7.0], rows[1].Values);
    }

    [Fact]
    public void TryReadRows_BadRowAfterGoodOnes_FalseAfterGivingTheGoodOnes()
    {
        var bytes = Encoding.ASCII.GetBytes("epoch,a,last\n0,1,\n1,2,\n2,x,\n3,4,\n");
        var firsts = new List<int>();

        Assert.False(NumberRows.TryReadRows(bytes, 1, new double[1], (first, _, _) => firsts.Add(first)));

        Assert.Equal([0, 1], firsts);
    }

    [Fact]
    public void TryReadRows_NullAction_ThrowsNamingIt() =>
        Assert.Equal("row", Assert.Throws<ArgumentNullException>(() => NumberRows.TryReadRows("a,b\n"u8, 0, [], null!)).ParamName);

    // A run file's shape: epoch, numbers drawn from the specials and from many decades, a last field empty or an integer.
    private static string Written(int rows, int columns, int divergedEvery)
    {
        var random = new System.Random(11);
        using var text = new StringWriter();
        var csv = new CsvRecordWriter(text);
        csv.Field("epoch");
        for (int c = 0; c < columns; c++) csv.Field("m" + c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        csv.Field("last");
        csv.EndRecord();
        for (int r = 0; r < rows; r++)
        {
            csv.Field(r * 3 - 7);
            for (int c = 0; c < columns; c++)
                csv.Field(random.Next(4) == 0 ? Specials[random.Next(Specials.Length)] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)));
            if (divergedEvery > 0 && r % divergedEvery == 0) csv.Field(-r);
            else csv.Field("");
            csv.EndRecord();
        }
        return text.ToString();
    }

    private static (string[] Header, List<(int First, double[] Values, int? Last)> Rows) Fast(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(NumberRows.TryReadHeader(bytes, out var header, out int count), "the writer's text should be plain");
        var rows = new List<(int, double[], int?)>();
        Assert.True(NumberRows.TryReadRows(bytes, header.Length - 2, new double[header.Length - 2], (first, values, last) => rows.Add((first, values.ToArray(), last))));
        Assert.Equal(count, rows.Count);
        return (header, rows);
    }

    private static (string[] Header, List<(int First, double[] Values, int? Last)> Rows) WithCsvHelper(string text)
    {
        using var csv = CsvFormat.Reader(new StringReader(text));
        Assert.True(csv.Read() && csv.ReadHeader());
        var header = csv.HeaderRecord!;
        var rows = new List<(int, double[], int?)>();
        while (csv.Read())
        {
            Assert.True(Numbers.TryParse(csv.GetField(0), out int first));
            var values = new double[header.Length - 2];
            for (int c = 0; c < values.Length; c++) Assert.True(Numbers.TryParse(csv.GetField(c + 1), out values[c]));
            string? last = csv.GetField(header.Length - 1);
            int? l = null;
            if (!string.IsNullOrEmpty(last))
            {
                Assert.True(Numbers.TryParse(last, out int v));
                l = v;
            }
            rows.Add((first, values, l));
        }
        return (header, rows);
    }
}
