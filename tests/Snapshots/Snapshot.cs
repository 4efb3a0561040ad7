using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ApprovalTests.Approvers;
using ApprovalTests.Core;
using Xunit.Sdk;

namespace GradFlow.Tests.Snapshots;

/// <summary>
/// The one place that knows the snapshot library (ApprovalTests 7; moving to Verify.Xunit changes
/// this file only). A snapshot named <c>Method</c> or <c>Method.arg1_arg2</c> lives in
/// <c>&lt;folder of the test file&gt;/&lt;TestClass&gt;/&lt;name&gt;.approved.txt</c>, committed. Rules:
/// a missing approved file fails (it is never created, on CI or off); a mismatch fails naming the first
/// differing lines and leaves <c>&lt;name&gt;.received.txt</c> beside the approved file; only the approve
/// command (<c>scripts/approve-snapshots</c>, which sets <see cref="ApproveVariable"/>) writes approved files.
/// </summary>
public static class Snapshot
{
    /// <summary>Set to 1 by scripts/approve-snapshots: every received text becomes the approved one.</summary>
    public const string ApproveVariable = "GRADFLOW_APPROVE";

    public const string ApproveCommand = "scripts/approve-snapshots";

    private const string Extension = ".txt";
    private const int DifferencesShown = 5;

    /// <summary>
    /// True when <see cref="ApproveVariable"/> is 1. Refused on CI (CI=true), where approving would
    /// accept whatever the machine computed.
    /// </summary>
    public static bool ApproveRequested
    {
        get
        {
            if (Environment.GetEnvironmentVariable(ApproveVariable) != "1") return false;
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{ApproveVariable}=1 is refused on CI: approve snapshots locally with {ApproveCommand} and commit them");
            return true;
        }
    }

    /// <summary>
    /// Compares <paramref name="text"/> with the approved snapshot of the calling test. A theory passes its
    /// arguments, in order, as <paramref name="parameters"/> so that each case has its own file
    /// (<see cref="SnapshotCatalog"/> derives the same names from the theory data).
    /// </summary>
    public static void Verify(string text, object?[]? parameters = null,
        [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "") =>
        VerifyIn(DirectoryFor(testFile), NameFor(testMethod, parameters), text, ApproveRequested);

    /// <summary>
    /// Compares <paramref name="text"/> with <c>directory/name.approved.txt</c>; with
    /// <paramref name="approve"/>, writes it as the approved text instead of failing.
    /// </summary>
    public static void VerifyIn(string directory, string name, string text, bool approve)
    {
        var writer = new LfTextWriter(Normalize(text));
        var namer = new FixedNamer(directory, name);
        var approver = new FileApprover(writer, namer, normalizeLineEndingsForTextFiles: true);
        Approver.Verify(approver, approve ? new ApproveReporter() : new FailReporter(name));
    }

    /// <summary>The approved file of snapshot <paramref name="name"/> in <paramref name="directory"/>.</summary>
    public static string ApprovedPath(string directory, string name) => Path.GetFullPath(Path.Combine(directory, name + ".approved" + Extension));

    public static string ReceivedPath(string directory, string name) => Path.GetFullPath(Path.Combine(directory, name + ".received" + Extension));

    /// <summary>The folder of a test class's snapshots: beside its file, named after it (file name = class name).</summary>
    public static string DirectoryFor(string testFile)
    {
        var folder = Path.GetDirectoryName(testFile);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            throw new InvalidOperationException($"the test's source folder '{folder}' does not exist here: snapshots are read beside the test sources (CallerFilePath)");
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(testFile));
    }

    /// <summary>"Method", or "Method.a_b" for a theory's arguments a, b (invariant culture, round-trip doubles).</summary>
    public static string NameFor(string testMethod, IReadOnlyList<object?>? parameters)
    {
        if (parameters is null || parameters.Count == 0) return testMethod;
        var parts = new string[parameters.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = FileSafe(Format(parameters[i]));
        return testMethod + "." + string.Join("_", parts);
    }

    /// <summary>Every approved file under <paramref name="root"/> (bin and obj excluded).</summary>
    public static IReadOnlyList<string> ApprovedFiles(string root)
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.approved.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)) continue;
            files.Add(Path.GetFullPath(file));
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>
    /// The approved files under <paramref name="root"/> that no test names (<paramref name="expected"/>
    /// holds full paths); with <paramref name="approve"/> they are deleted, else the caller fails on them.
    /// </summary>
    public static IReadOnlyList<string> Obsolete(string root, IReadOnlySet<string> expected, bool approve)
    {
        var obsolete = ApprovedFiles(root).Where(f => !expected.Contains(f)).ToList();
        if (approve)
            foreach (var file in obsolete) File.Delete(file);
        return obsolete;
    }

    /// <summary>Line-by-line comparison for the failure message: the first differing lines, numbered from 1.</summary>
    public static string Differences(string approved, string received, int shown = DifferencesShown)
    {
        var a = SplitLines(approved);
        var r = SplitLines(received);
        var text = new StringBuilder();
        int differing = 0;
        for (int i = 0; i < Math.Max(a.Length, r.Length); i++)
        {
            string? al = i < a.Length ? a[i] : null;
            string? rl = i < r.Length ? r[i] : null;
            if (al == rl) continue;
            if (++differing > shown) continue;
            text.Append("  line ").Append(i + 1).Append(Columns(a, i, al, rl)).Append('\n');
            text.Append("    approved: ").Append(al ?? "<no line>").Append('\n');
            text.Append("    received: ").Append(rl ?? "<no line>").Append('\n');
        }
        if (differing > shown) text.Append("  ... and ").Append(differing - shown).Append(" more differing lines\n");
        return $"{differing} differing line(s) (approved {a.Length} lines, received {r.Length}); first:\n" + text;
    }

    // For CSV rows under a header line (the nearest line above that starts with a letter): the differing columns.
    private static string Columns(string[] approved, int line, string? a, string? r)
    {
        if (a is null || r is null) return "";
        string? header = null;
        for (int j = Math.Min(line, approved.Length) - 1; j >= 0 && header is null; j--)
            if (approved[j].Length > 0 && char.IsAsciiLetter(approved[j][0])) header = approved[j];
        if (header is null) return "";
        string[] names = header.Split(','), af = a.Split(','), rf = r.Split(',');
        if (af.Length != names.Length || rf.Length != names.Length) return "";
        var differing = Enumerable.Range(0, names.Length).Where(k => af[k] != rf[k]).Select(k => names[k]).ToList();
        return differing.Count == 0 ? "" : " (" + string.Join(", ", differing) + ")";
    }

    private static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n");
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static string[] SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FileSafe(string part)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = part.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (Array.IndexOf(invalid, chars[i]) >= 0 || chars[i] is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or ' ')
                chars[i] = '-';
        return new string(chars);
    }

    // ApprovalTests' own namers read the call stack; the folder and name are known here, so say them.
    private sealed class FixedNamer(string directory, string name) : IApprovalNamer
    {
        public string SourcePath => directory;
        public string Name => name;
    }

    // ApprovalTextWriter writes a byte-order mark; approved files are plain UTF-8 with \n line ends.
    private sealed class LfTextWriter(string text) : IApprovalWriter
    {
        public string GetApprovalFilename(string basename) => basename + ".approved" + Extension;
        public string GetReceivedFilename(string basename) => basename + ".received" + Extension;

        public string WriteReceivedFile(string received)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(received)!);
            File.WriteAllText(received, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return received;
        }
    }

    // No diff tool, no clipboard, no empty approved file: the failure is a message, the received file stays.
    private sealed class FailReporter(string name) : IApprovalFailureReporter
    {
        public void Report(string approved, string received)
        {
            var receivedText = File.ReadAllText(received);
            if (!File.Exists(approved))
                    throw new XunitException(
                    $"snapshot '{name}' has no approved file: {approved} does not exist (approved files are never created by a test run).\n" +
                    $"The received text is in {received}; review it, then run {ApproveCommand} and commit the approved file.");
            throw new XunitException(
                $"snapshot '{name}' differs from its approved file.\n" +
                $"  approved: {approved}\n  received: {received} (left for inspection)\n" +
                Differences(File.ReadAllText(approved), receivedText) +
                $"If the change is meant, run {ApproveCommand} and review `git diff`.");
        }
    }

    // The approve command's reporter: the received text becomes the approved file, and the test passes.
    private sealed class ApproveReporter : IReporterWithApprovalPower
    {
        private bool _approved;

        public void Report(string approved, string received)
        {
            File.Copy(received, approved, overwrite: true);
            _approved = true;
        }

        public bool ApprovedWhenReported() => _approved;
    }
}
