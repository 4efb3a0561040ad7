using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>Two results folders compared byte for byte, leaving out what legitimately differs between runs.</summary>
internal static class SweepFolders
{
    /// <summary>Every file below a folder by relative path, except the manifest (its timings) and the folder lock's files.</summary>
    public static SortedDictionary<string, byte[]> Files(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("manifest.json" or FolderLock.LockName or FolderLock.OwnerName))
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>The same files with the same bytes in both folders.</summary>
    public static void AssertSameFiles(string expectedDir, string actualDir)
    {
        var expected = Files(expectedDir);
        var actual = Files(actualDir);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs between {expectedDir} and {actualDir}");
    }
}
