using GradFlow.IO;

namespace GradFlow.Tests.Unit.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gradflow-atomic-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void WriteText_ExistingFile_ReplacedAndNoTemporaryLeft()
    {
        string path = Path.Combine(_dir, "sub", "a.csv");
        AtomicFile.WriteText(path, w => w.Write("old"));

        AtomicFile.WriteText(path, w => w.Write("new\n"));

        Assert.Equal("new\n"u8.ToArray(), File.ReadAllBytes(path)); // UTF-8 without a byte-order mark
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Write_WriterThrows_TargetKeepsItsOldBytesAndNoTemporaryLeft()
    {
        string path = Path.Combine(_dir, "b.svg");
        AtomicFile.WriteText(path, w => w.Write("kept"));
        string? seen = null;

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, temp =>
        {
            seen = temp;
            File.WriteAllText(temp, "half");
            throw new InvalidOperationException("cut short");
        }));

        Assert.Equal("kept", File.ReadAllText(path));
        Assert.Contains(AtomicFile.TempMarker, Path.GetFileName(seen));
        Assert.EndsWith(".svg", seen); // writers that pick the format by extension still see it
        Assert.Equal([path], Directory.GetFiles(_dir));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
