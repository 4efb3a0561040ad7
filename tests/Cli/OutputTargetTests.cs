using System.Diagnostics;
using GradFlow.IO;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>
/// Writing by rename is only for regular files and new paths: a symbolic link is followed (the link
/// stays), a FIFO or a device is written through (never replaced by a regular file).
/// </summary>
public sealed class OutputTargetTests : TempFolder
{
    [Fact]
    public void Dataset_OutIsASymbolicLink_WritesItsTargetAndKeepsTheLink()
    {
        File.WriteAllText(Path("target.csv"), "old");
        File.CreateSymbolicLink(Path("link.csv"), Path("target.csv"));

        var result = Run("dataset", "--n", "5", "--out", Path("link.csv"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(FileKind.Kind.SymbolicLink, FileKind.Of(Path("link.csv")));
        Assert.StartsWith("part,x1,x2,y", File.ReadAllText(Path("target.csv")));
    }

    [Fact]
    public async Task Dataset_OutIsAFifo_IsWrittenThroughAndStaysAFifo()
    {
        using (var mkfifo = Process.Start("mkfifo", [Path("pipe")])) await mkfifo.WaitForExitAsync();
        Assert.Equal(FileKind.Kind.Other, FileKind.Of(Path("pipe")));
        var reader = Task.Run(() => File.ReadAllText(Path("pipe")));

        var result = Run("dataset", "--n", "5", "--out", Path("pipe"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.StartsWith("part,x1,x2,y", await reader.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(FileKind.Kind.Other, FileKind.Of(Path("pipe")));
    }

    [Fact]
    public void FileKind_OfARegularFileAFolderAndNothing_SaysSo()
    {
        File.WriteAllText(Path("f"), "x");
        Directory.CreateDirectory(Path("d"));

        Assert.Equal(FileKind.Kind.Regular, FileKind.Of(Path("f")));
        Assert.Equal(FileKind.Kind.Directory, FileKind.Of(Path("d")));
        Assert.Equal(FileKind.Kind.Missing, FileKind.Of(Path("none")));
        Assert.Equal(FileKind.Kind.Other, FileKind.Of("/dev/null"));
    }

    [Fact]
    public void Plot_SaveIsASymbolicLink_WritesItsTargetAndKeepsTheLink()
    {
        Assert.Equal(0, Run("run", "--preset", "smoke", "--epochs", "3", "--n", "40", "--out", Path("r")).Exit);
        File.WriteAllText(Path("figure.png"), "old");
        File.CreateSymbolicLink(Path("link.png"), Path("figure.png"));

        var result = Run("plot", "--results", Path("r"), "--metric", "train_loss", "--save", Path("link.png"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(FileKind.Kind.SymbolicLink, FileKind.Of(Path("link.png")));
        Assert.True(new FileInfo(Path("figure.png")).Length > 1000);
    }
}
