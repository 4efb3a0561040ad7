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

    [Theory]
    [InlineData("a\nb", "a b")]
    [InlineData("  a \r\n\r\n  b  \n", "a b")]
    [InlineData("one", "one")]
    public void OneLine_MultiLineText_NonEmptyLinesTrimmedAndJoined(string text, string expected) =>
        Assert.Equal(expected, InputFile.OneLine(text));
}
