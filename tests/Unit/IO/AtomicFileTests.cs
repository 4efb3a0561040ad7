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

    [Fact]
    public void Write_NullWriter_ThrowsNamingIt() =>
        Assert.Equal("writeTemp", Assert.Throws<ArgumentNullException>(() => AtomicFile.Write(Path.Combine(_dir, "n"), null!)).ParamName);

    [Fact]
    public void WriteText_NewFileInANewFolder_CreatedWithTheText()
    {
        string path = Path.Combine(_dir, "x", "y", "new.json");

        AtomicFile.WriteText(path, w => w.Write("{}\n"));

        Assert.Equal("{}\n"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Write_TemporaryName_HiddenBesideTheTargetWithMarkerProcessAndExtension()
    {
        string path = Path.Combine(_dir, "run.csv");
        string? seen = null;

        AtomicFile.Write(path, temp =>
        {
            seen = temp;
            File.WriteAllText(temp, "body");
        });

        Assert.Equal(_dir, Path.GetDirectoryName(seen));
        Assert.StartsWith($".run.csv{AtomicFile.TempMarker}{Environment.ProcessId}-", Path.GetFileName(seen));
        Assert.EndsWith(".csv", seen);
        Assert.False(File.Exists(seen));
        Assert.Equal("body", File.ReadAllText(path));
    }

    [Fact]
    public void WriteText_ThroughALink_WritesTheFinalTargetAndKeepsTheLinks()
    {
        Directory.CreateDirectory(_dir);
        string target = Path.Combine(_dir, "target.txt");
        File.WriteAllText(target, "old");
        string inner = Path.Combine(_dir, "inner");
        File.CreateSymbolicLink(inner, target);
        string outer = Path.Combine(_dir, "outer");
        File.CreateSymbolicLink(outer, inner);

        AtomicFile.WriteText(outer, w => w.Write("new"));

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(FileKind.Kind.SymbolicLink, FileKind.Of(outer));
        Assert.Equal(FileKind.Kind.SymbolicLink, FileKind.Of(inner));
        Assert.Equal(FileKind.Kind.Regular, FileKind.Of(target));
        Assert.Equal(3, Directory.GetFileSystemEntries(_dir).Length);
    }

    [Fact]
    public async Task WriteText_Fifo_BytesGoThroughAndTheFifoStays()
    {
        Directory.CreateDirectory(_dir);
        string fifo = IoTestFiles.Fifo(_dir, "p.csv");
        var read = IoTestFiles.ReadToEnd(fifo);

        AtomicFile.WriteText(fifo, w => w.Write("a,b\n1,2\n"));

        Assert.Equal("a,b\n1,2\n"u8.ToArray(), await read.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(FileKind.Kind.Other, FileKind.Of(fifo));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Write_LinkToAFifo_WritesThroughWithATemporaryFileInTheTempFolder()
    {
        Directory.CreateDirectory(_dir);
        string fifo = IoTestFiles.Fifo(_dir, "p");
        string link = Path.Combine(_dir, "out.svg");
        File.CreateSymbolicLink(link, fifo);
        var read = IoTestFiles.ReadToEnd(fifo);
        string? seen = null;

        AtomicFile.Write(link, temp =>
        {
            seen = temp;
            File.WriteAllText(temp, "<svg/>");
        });

        Assert.Equal("<svg/>"u8.ToArray(), await read.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(Path.GetFullPath(Path.GetTempPath()).TrimEnd('/'), Path.GetDirectoryName(seen));
        Assert.StartsWith($".gradflow{AtomicFile.TempMarker}{Environment.ProcessId}-", Path.GetFileName(seen));
        Assert.EndsWith(".svg", seen);
        Assert.False(File.Exists(seen));
        Assert.Equal(FileKind.Kind.SymbolicLink, FileKind.Of(link));
        Assert.Equal(FileKind.Kind.Other, FileKind.Of(fifo));
    }

    [Fact]
    public void Write_FifoWriterThrows_NoTemporaryLeft()
    {
        Directory.CreateDirectory(_dir);
        string fifo = IoTestFiles.Fifo(_dir, "p");
        string? seen = null;

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(fifo, temp =>
        {
            seen = temp;
            File.WriteAllText(temp, "half");
            throw new InvalidOperationException("cut short");
        }));

        Assert.NotNull(seen);
        Assert.False(File.Exists(seen));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
