using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace GradFlow.Tests.Snapshots;

/// <summary>
/// Every approved file a test of this project can name, found statically (reflection over the test
/// methods and their theory data), so that the obsolete-snapshot check does not depend on which tests
/// ran first: xunit runs classes in parallel.
/// </summary>
public static class SnapshotCatalog
{
    public static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>This project's source folder, tests/Snapshots.</summary>
    public static string ProjectDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;

    /// <summary>
    /// The approved file of every test method in <paramref name="assembly"/>: <c>Method</c> for a fact,
    /// <c>Method.args</c> for each row of a theory's data, in the folder of the class's file.
    /// Test classes whose file (named after the class) is not found are listed in <paramref name="unplaced"/>.
    /// </summary>
    public static IReadOnlySet<string> ExpectedApprovedFiles(Assembly assembly, string projectDirectory, out IReadOnlyList<string> unplaced)
    {
        var expected = new HashSet<string>(PathComparer);
        var missing = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            var tests = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
                .ToList();
            if (tests.Count == 0) continue;
            var source = SourceFile(type, projectDirectory);
            if (source is null)
            {
                missing.Add(type.FullName ?? type.Name);
                continue;
            }
            var folder = Snapshot.DirectoryFor(source);
            foreach (var test in tests)
            {
                var rows = test.GetCustomAttributes<DataAttribute>().SelectMany(d => d.GetData(test)).ToList();
                if (rows.Count == 0) expected.Add(Snapshot.ApprovedPath(folder, Snapshot.NameFor(test.Name, null)));
                foreach (var row in rows) expected.Add(Snapshot.ApprovedPath(folder, Snapshot.NameFor(test.Name, row)));
            }
        }
        unplaced = missing;
        return expected;
    }

    private static string? SourceFile(Type type, string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, type.Name + ".cs", SearchOption.AllDirectories)
            .Select(Path.GetFullPath)
            .FirstOrDefault(f => !IsBuildOutput(Path.GetRelativePath(projectDirectory, f)));

    private static bool IsBuildOutput(string relative)
    {
        relative = relative.Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }
}
