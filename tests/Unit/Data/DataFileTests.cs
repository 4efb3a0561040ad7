using GradFlow.Data;

namespace GradFlow.Tests.Unit.Data;

/// <summary>
/// The dataset file format (docs/ARCHITECTURE.md "Files"): the text written for hand-made splits, the
/// round trip, and the one-line message of every way a file can be refused.
/// </summary>
public sealed class DataFileTests
{
    private const string Accepted = "a CSV with header x1,...,xd,y or part,x1,...,xd,y (part train or test, x numbers, y in [0, 1])";

    private static DataSplit Split(double[] trainX, double[] trainY, double[] testX, double[] testY, int features) =>
        new(Dataset.Create(trainX, trainY, features), Dataset.Create(testX, testY, features));

    private static DataSplit Parse(string text) => DataFile.Read(new StringReader(text), "d.csv");

    private static string Refusal(string text) => Assert.Throws<InvalidDataException>(() => Parse(text)).Message;

    [Fact]
    public void ToCsv_TrainAndTest_HeaderThenTrainRowsThenTestRowsInRoundTripForm()
    {
        var split = Split([0.5, -1.25, 1.0 / 3, 2e-300], [1, 0], [0.1, 3], [1], 2);

        Assert.Equal("part,x1,x2,y\ntrain,0.5,-1.25,1\ntrain,0.3333333333333333,2E-300,0\ntest,0.1,3,1\n", DataFile.ToCsv(split));
    }

    [Fact]
    public void ToCsv_NoTestRows_OnlyTrainRows()
    {
        var split = new DataSplit(Dataset.Create([7, 8, 9], [0], 3), new Dataset([], [], 3));

        Assert.Equal("part,x1,x2,x3,y\ntrain,7,8,9,0\n", DataFile.ToCsv(split));
    }

    [Fact]
    public void Write_EmptyTestOfAnotherWidth_IsAccepted()
    {
        var split = new DataSplit(Dataset.Create([7], [1], 1), new Dataset([], [], 4));

        Assert.Equal("part,x1,y\ntrain,7,1\n", DataFile.ToCsv(split));
    }

    [Fact]
    public void Write_TestRowsOfAnotherWidth_ThrowsNamingBothWidths()
    {
        var split = new DataSplit(Dataset.Create([1, 2], [1], 2), Dataset.Create([1, 2, 3], [0], 3));

        var e = Assert.Throws<ArgumentException>(() => DataFile.ToCsv(split));

        Assert.Equal("train has 2 features but test 3", e.Message);
    }

    [Fact]
    public void Read_WhatWriteWrote_SameRowsBitForBit()
    {
        var split = Split([0.1, -0.0, double.Epsilon, -1e300, 5, 6], [0, 1, 0.25], [1.0 / 7, -2], [1], 2);

        var back = Parse(DataFile.ToCsv(split));

        Assert.Equal(2, back.Train.Features);
        Assert.Equal(split.Train.X.Select(BitConverter.DoubleToInt64Bits), back.Train.X.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(split.Train.Y, back.Train.Y);
        Assert.Equal(split.Test.X.Select(BitConverter.DoubleToInt64Bits), back.Test.X.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(split.Test.Y, back.Test.Y);
        Assert.True(back.HasTest);
    }

    [Fact]
    public void Read_PartsInAnyOrder_EachRowGoesToItsPartInFileOrder()
    {
        var split = Parse("part,x1,y\ntest,1,0\ntrain,2,1\ntest,3,1\ntrain,4,0\n");

        Assert.Equal([2.0, 4.0], split.Train.X);
        Assert.Equal([1.0, 0.0], split.Train.Y);
        Assert.Equal([1.0, 3.0], split.Test.X);
        Assert.Equal([0.0, 1.0], split.Test.Y);
    }

    [Fact]
    public void Read_PlainFile_EveryRowIsATrainRow()
    {
        var split = Parse("x1,x2,y\n1,2,0\n-3.5,4e2,1\n");

        Assert.Equal([1.0, 2.0, -3.5, 400.0], split.Train.X);
        Assert.Equal([0.0, 1.0], split.Train.Y);
        Assert.Equal(2, split.Train.Features);
        Assert.Equal(0, split.Test.Count);
        Assert.Equal(2, split.Test.Features);
        Assert.False(split.HasTest);
    }

    [Theory]
    [InlineData("x1,y\r\n1,0\r\n2,1\r\n")]
    [InlineData("x1,y\r1,0\r2,1")]
    [InlineData(" x1 , y \n 1 , 0 \n2,1\n")]
    public void Read_OtherLineEndsOrSpaces_SameRows(string text)
    {
        var split = Parse(text);

        Assert.Equal([1.0, 2.0], split.Train.X);
        Assert.Equal([0.0, 1.0], split.Train.Y);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("0.5")]
    [InlineData("-0")]
    public void Read_LabelInTheClosedUnitInterval_IsAccepted(string y) =>
        Assert.Equal(double.Parse(y, System.Globalization.CultureInfo.InvariantCulture), Parse($"x1,y\n1,{y}\n").Train.Y[0]);

    [Fact]
    public void Read_HeaderOnly_EmptyTrainSet()
    {
        var split = Parse("part,x1,x2,y\n");

        Assert.Equal(0, split.Train.Count);
        Assert.Equal(2, split.Train.Features);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    public void Read_Empty_SaysEmpty(string text) =>
        Assert.Equal($"d.csv: empty; expected {Accepted}", Refusal(text));

    [Theory]
    [InlineData("y", "y")]
    [InlineData("part,y", "part,y")]
    [InlineData("x1,z", "x1,z")]
    [InlineData("x1,x2", "x1,x2")]
    [InlineData("x2,y", "x2,y")]
    [InlineData("x1,x3,y", "x1,x3,y")]
    [InlineData("x1,x2,x2,y", "x1,x2,x2,y")]
    [InlineData("part,x2,y", "part,x2,y")]
    [InlineData("x1,part,y", "x1,part,y")]
    [InlineData("y,x1,y", "y,x1,y")]
    public void Read_BadHeader_QuotesItOnLineOne(string header, string quoted) =>
        Assert.Equal($"d.csv, line 1: header '{quoted}' is not x1,...,xd,y or part,x1,...,xd,y", Refusal(header + "\n1,2,3\n"));

    [Theory]
    [InlineData("x1,y\n1,0\n1\n", "d.csv, line 3: 1 fields but the header has 2; expected x1,y")]
    [InlineData("part,x1,y\ntrain,1,0,5\n", "d.csv, line 2: 4 fields but the header has 3; expected part,x1,y")]
    [InlineData("part,x1,y\nvalid,1,0\n", "d.csv, line 2: part 'valid' is neither train nor test")]
    [InlineData("part,x1,y\nTrain,1,0\n", "d.csv, line 2: part 'Train' is neither train nor test")]
    [InlineData("part,x1,y\n,1,0\n", "d.csv, line 2: part '' is neither train nor test")]
    [InlineData("x1,x2,y\n1,abc,0\n", "d.csv, line 2: x2 'abc' is not a finite number; expected a number with '.' as the decimal point")]
    [InlineData("x1,y\n0,1\n1,5\n1,0\n", "d.csv, line 3: y '5' is not a label in [0, 1] (0 or 1 for XOR)")]
    public void Read_BadRow_OneLineNamingTheLineAndField(string text, string expected) =>
        Assert.Equal(expected, Refusal(text));

    [Theory]
    [InlineData("1,5")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("NaN")]
    [InlineData("")]
    public void Read_FeatureNotAFiniteNumber_IsRefused(string x) =>
        Assert.Equal($"d.csv, line 2: x1 '{x}' is not a finite number; expected a number with '.' as the decimal point",
            Refusal($"x1,y\n\"{x}\",0\n"));

    [Theory]
    [InlineData("-0.5")]
    [InlineData("1.0000000000000002")]
    [InlineData("-4.9E-324")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("one")]
    [InlineData("")]
    public void Read_LabelOutsideTheUnitInterval_IsRefused(string y) =>
        Assert.Equal($"d.csv, line 2: y '{y}' is not a label in [0, 1] (0 or 1 for XOR)", Refusal($"x1,y\n1,{y}\n"));

    [Fact]
    public void Read_MalformedCsv_OneLineWithCsvHelpersFirstLineAndTheLine()
    {
        const string text = "x1,y\n1,0\n\"2\"x,1\n";
        string csvHelperFirstLine;
        using (var csv = new CsvHelper.CsvReader(new StringReader(text), GradFlow.IO.CsvFormat.ReaderConfiguration with { DetectColumnCountChanges = false }))
        {
            var e = Assert.ThrowsAny<CsvHelper.CsvHelperException>(() => { while (csv.Read()) _ = csv.GetField(0); });
            Assert.Contains('\n', e.Message); // CsvHelper's message spans lines, which the refusal must not
            csvHelperFirstLine = e.Message.Split('\n')[0].TrimEnd('\r').Trim();
            Assert.Equal(3, e.Context!.Parser!.RawRow);
        }

        string message = Refusal(text);

        Assert.Equal($"d.csv, line 3: malformed CSV ({csvHelperFirstLine}); expected {Accepted}", message);
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
    }

    [Theory]
    [InlineData("one line", "one line")]
    [InlineData("  first  \nsecond", "first")]
    [InlineData("first\r\nsecond\nthird", "first")]
    [InlineData("first\rsecond", "first")]
    [InlineData("\nsecond", "")]
    [InlineData(" \t ", "")]
    public void FirstLine_Message_ItsFirstLineTrimmed(string message, string expected) =>
        Assert.Equal(expected, DataFile.FirstLine(message));

    [Fact]
    public void Read_Path_ReadsTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "gradflow-data-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            File.WriteAllText(path, "part,x1,y\ntrain,0.25,1\ntest,-1,0\n");

            var split = DataFile.Read(path);

            Assert.Equal([0.25], split.Train.X);
            Assert.Equal([-1.0], split.Test.X);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MissingPath_NamesTheFileAndWhatIsAccepted()
    {
        string path = Path.Combine(Path.GetTempPath(), "gradflow-none-" + Guid.NewGuid().ToString("N") + ".csv");

        var e = Assert.Throws<InvalidDataException>(() => DataFile.Read(path));

        Assert.Equal($"{path}: no such file; expected {Accepted}", e.Message);
    }

    [Fact]
    public void Read_BadRowInAFile_NamesThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "gradflow-data-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            File.WriteAllText(path, "x1,y\n1,2\n");

            var e = Assert.Throws<InvalidDataException>(() => DataFile.Read(path));

            Assert.Equal($"{path}, line 2: y '2' is not a label in [0, 1] (0 or 1 for XOR)", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
