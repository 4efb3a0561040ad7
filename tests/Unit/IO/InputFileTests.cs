using GradFlow.IO;

namespace GradFlow.Tests.Unit.IO;

public sealed class InputFileTests
{
    [Fact]
    public void ReadAllText_MissingFile_OneLineNamingFileAndExpectation()
    {
        string path = Path.Combine(Path.GetTempPath(), "gradflow-none-" + Guid.NewGuid().ToString("N"), "m.json");

        var e = Assert.Throws<InvalidDataException>(() => InputFile.ReadAllText(path, "a model file"));

        Assert.Equal($"{path}: no such file (its folder does not exist); expected a model file", e.Message);
    }

    [Fact]
    public void ReadAllText_Folder_SaysItIsAFolder()
    {
        string dir = Path.GetTempPath();

        var e = Assert.Throws<InvalidDataException>(() => InputFile.ReadAllText(dir, "a data file"));

        Assert.Equal($"{dir}: is a folder; expected a data file", e.Message);
    }

    [Fact]
    public void ReadAllText_MissingFileInAnExistingFolder_SaysNoSuchFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "gradflow-none-" + Guid.NewGuid().ToString("N") + ".json");

        var e = Assert.Throws<InvalidDataException>(() => InputFile.ReadAllText(path, "a model file"));

        Assert.Equal($"{path}: no such file; expected a model file", e.Message);
    }

    [Fact]
    public void ReadAllText_ExistingFile_ItsText()
    {
        string path = Path.Combine(Path.GetTempPath(), "gradflow-text-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            File.WriteAllText(path, "line one\nline two\n");

            Assert.Equal("line one\nline two\n", InputFile.ReadAllText(path, "text"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The reader's own failures are the file's: each becomes the one-line refusal of its kind.
    [Fact]
    public void Read_ReaderDeniedAccess_SaysNotReadable()
    {
        string path = Existing();

        var e = Assert.Throws<InvalidDataException>(() => InputFile.Read<int>(path, "a spec", _ => throw new UnauthorizedAccessException("no")));

        Assert.Equal($"{path}: not readable (permission denied); expected a spec", e.Message);
    }

    [Fact]
    public void Read_ReaderIoError_QuotesItsMessageOnOneLine()
    {
        string path = Existing();

        var e = Assert.Throws<InvalidDataException>(() => InputFile.Read<int>(path, "a spec", _ => throw new IOException("disk\n  went away \r\n")));

        Assert.Equal($"{path}: cannot be read (disk went away); expected a spec", e.Message);
    }

    [Fact]
    public void Read_ReaderResult_IsReturned() => Assert.Equal(42, InputFile.Read(Existing(), "x", _ => 42));

    [Fact]
    public void Read_NullReader_ThrowsNamingIt() =>
        Assert.Equal("read", Assert.Throws<ArgumentNullException>(() => InputFile.Read<int>(Existing(), "x", null!)).ParamName);

    [Fact]
    public void Read_OtherExceptions_PassThrough() =>
        Assert.Equal("bad", Assert.Throws<InvalidDataException>(() => InputFile.Read<int>(Existing(), "x", _ => throw new InvalidDataException("bad"))).Message);

    private static string Existing()
    {
        string path = Path.Combine(Path.GetTempPath(), "gradflow-input-test.txt");
        if (!File.Exists(path)) File.WriteAllText(path, "x");
        return path;
    }

    [Theory]
    [InlineData("a\nb", "a b")]
    [InlineData("  a \r\n\r\n  b  \n", "a b")]
    [InlineData("one", "one")]
    public void OneLine_MultiLineText_NonEmptyLinesTrimmedAndJoined(string text, string expected) =>
        Assert.Equal(expected, InputFile.OneLine(text));
}
