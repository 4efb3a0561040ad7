using GradFlow.IO;

namespace GradFlow.Tests.Unit.IO;

/// <summary>What a path names, against what the test itself made there (a file, a folder, a link, a FIFO).</summary>
public sealed class FileKindTests : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gradflow-kind-" + Guid.NewGuid().ToString("N"))).FullName;

    private string Regular()
    {
        string path = Path.Combine(_dir, "f.txt");
        File.WriteAllText(path, "x");
        return path;
    }

    [Fact]
    public void Of_RegularFile_IsRegular() => Assert.Equal(FileKind.Kind.Regular, FileKind.Of(Regular()));

    [Fact]
    public void Of_Folder_IsDirectory() => Assert.Equal(FileKind.Kind.Directory, FileKind.Of(_dir));

    [Fact]
    public void Of_MissingPath_IsMissing() => Assert.Equal(FileKind.Kind.Missing, FileKind.Of(Path.Combine(_dir, "none")));

    [Fact]
    public void Of_CharacterDevice_IsOther() => Assert.Equal(FileKind.Kind.Other, FileKind.Of("/dev/null"));

    [Fact]
    public void Of_Fifo_IsOther() => Assert.Equal(FileKind.Kind.Other, FileKind.Of(IoTestFiles.Fifo(_dir, "p")));

    [Fact]
    public void Of_PathThroughARegularFile_IsUnknown() =>
        Assert.Equal(FileKind.Kind.Unknown, FileKind.Of(Path.Combine(Regular(), "below"))); // ENOTDIR, not ENOENT

    [Fact]
    public void Of_LinkToAFile_IsTheLinkUnlessFollowed()
    {
        string link = Path.Combine(_dir, "l");
        File.CreateSymbolicLink(link, Regular());

        Assert.Equal(FileKind.Kind.SymbolicLink, FileKind.Of(link));
        Assert.Equal(FileKind.Kind.SymbolicLink, FileKind.Of(link, followLinks: false));
        Assert.Equal(FileKind.Kind.Regular, FileKind.Of(link, followLinks: true));
    }

    [Fact]
    public void Of_LinkToADevice_FollowedIsOther()
    {
        string link = Path.Combine(_dir, "null");
        File.CreateSymbolicLink(link, "/dev/null");

        Assert.Equal(FileKind.Kind.Other, FileKind.Of(link, followLinks: true));
    }

    [Fact]
    public void Of_DanglingLink_FollowedIsMissing()
    {
        string link = Path.Combine(_dir, "dangling");
        File.CreateSymbolicLink(link, Path.Combine(_dir, "none"));

        Assert.Equal(FileKind.Kind.SymbolicLink, FileKind.Of(link));
        Assert.Equal(FileKind.Kind.Missing, FileKind.Of(link, followLinks: true));
    }

    // Off Linux a link is told apart; with no statx in libc it counts as the file it leads to.
    [Fact]
    public void Fallbacks_EachKindTheyTellApart()
    {
        string file = Regular();
        string link = Path.Combine(_dir, "l");
        File.CreateSymbolicLink(link, file);
        string missing = Path.Combine(_dir, "none");

        Assert.Equal(
            [FileKind.Kind.Regular, FileKind.Kind.SymbolicLink, FileKind.Kind.Directory, FileKind.Kind.Missing],
            new[] { file, link, _dir, missing }.Select(FileKind.WithoutStatx));
        Assert.Equal(
            [FileKind.Kind.Regular, FileKind.Kind.Regular, FileKind.Kind.Directory, FileKind.Kind.Missing],
            new[] { file, link, _dir, missing }.Select(FileKind.ExistenceOnly));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
