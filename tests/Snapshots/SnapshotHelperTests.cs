namespace GradFlow.Tests.Snapshots;

/// <summary>
/// The snapshot helper's rules, against a temporary folder (never the committed approved files):
/// a changed number fails naming its line, a missing approved file fails and is not created, and
/// approving brings the file back byte for byte.
/// </summary>
[Trait("Category", "Snapshot")]
public sealed class SnapshotHelperTests : IDisposable
{
    private const string Name = "Curve.case";

    // A real curve (the `seed` preset's relu run), computed once for the tests that need one.
    private static readonly Lazy<string> RealCurve =
        new(() => TrainingCurveSnapshots.Curve(TrainingCurveSnapshots.Seed, "relu_gaussian_s1_seed42"));

    private readonly string _dir = Directory.CreateTempSubdirectory("gradflow-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Approved => Snapshot.ApprovedPath(_dir, Name);
    private string Received => Snapshot.ReceivedPath(_dir, Name);

    [Fact]
    public void VerifyIn_SameText_PassesAndLeavesNoReceivedFile()
    {
        File.WriteAllText(Approved, "epoch,loss\n0,0.5\n");

        Snapshot.VerifyIn(_dir, Name, "epoch,loss\n0,0.5\n", approve: false);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void VerifyIn_ApprovedWithCrLf_StillMatches()
    {
        File.WriteAllText(Approved, "epoch,loss\r\n0,0.5\r\n");

        Snapshot.VerifyIn(_dir, Name, "epoch,loss\n0,0.5\n", approve: false);
    }

    [Fact]
    public void VerifyIn_MissingApproved_FailsCreatesNoApprovedFileAndLeavesReceived()
    {
        var e = Assert.ThrowsAny<Exception>(() => Snapshot.VerifyIn(_dir, Name, "epoch,loss\n0,0.5\n", approve: false));

        Assert.Contains("has no approved file", e.Message);
        Assert.Contains(Approved, e.Message);
        Assert.Contains(Snapshot.ApproveCommand, e.Message);
        Assert.False(File.Exists(Approved));
        Assert.Equal("epoch,loss\n0,0.5\n", File.ReadAllText(Received));
    }

    [Fact]
    public void VerifyIn_OneNumberAlteredInApprovedCurve_FailsWithThatRowOfBoth()
    {
        Snapshot.VerifyIn(_dir, Name, RealCurve.Value, approve: true);
        var lines = File.ReadAllLines(Approved);
        int row = Array.FindIndex(lines, l => l.StartsWith("1000,", StringComparison.Ordinal));
        string original = lines[row];
        lines[row] = AlterFirstDigitAfterComma(original);
        File.WriteAllText(Approved, string.Join("\n", lines) + "\n");

        var e = Assert.ThrowsAny<Exception>(() => Snapshot.VerifyIn(_dir, Name, RealCurve.Value, approve: false));

        Assert.Contains($"line {row + 1} (train_loss)\n", e.Message);
        Assert.Contains("approved: " + lines[row] + "\n", e.Message);
        Assert.Contains("received: " + original + "\n", e.Message);
        Assert.Contains("1 differing line(s)", e.Message);
        Assert.Equal(RealCurve.Value, File.ReadAllText(Received));
        Assert.Equal(Path.GetDirectoryName(Approved), Path.GetDirectoryName(Received));
    }

    [Fact]
    public void VerifyIn_ApprovedCurveDeleted_FailsThenApproveBringsItBackIdentical()
    {
        Snapshot.VerifyIn(_dir, Name, RealCurve.Value, approve: true);
        byte[] approved = File.ReadAllBytes(Approved);
        File.Delete(Approved);

        Assert.ThrowsAny<Exception>(() => Snapshot.VerifyIn(_dir, Name, RealCurve.Value, approve: false));
        Snapshot.VerifyIn(_dir, Name, RealCurve.Value, approve: true);

        Assert.Equal(approved, File.ReadAllBytes(Approved));
        Assert.False(File.Exists(Received));
        Snapshot.VerifyIn(_dir, Name, RealCurve.Value, approve: false);
    }

    [Fact]
    public void VerifyIn_ApproveOverAlteredFile_RestoresTheComputedText()
    {
        Snapshot.VerifyIn(_dir, Name, RealCurve.Value, approve: true);
        byte[] approved = File.ReadAllBytes(Approved);
        File.WriteAllText(Approved, File.ReadAllText(Approved).Replace("2000 epochs", "X").Replace(",0.", ",9."));

        Snapshot.VerifyIn(_dir, Name, RealCurve.Value, approve: true);

        Assert.Equal(approved, File.ReadAllBytes(Approved));
    }

    [Fact]
    public void VerifyIn_Approve_WritesUtf8WithoutBomAndLfLineEnds()
    {
        Snapshot.VerifyIn(_dir, Name, "a,b\r\n1,2", approve: true);

        Assert.Equal("a,b\n1,2\n"u8.ToArray(), File.ReadAllBytes(Approved));
    }

    [Fact]
    public void Differences_ManyLinesDiffer_ShowsTheFirstFiveAndCountsTheRest()
    {
        string approved = string.Concat(Enumerable.Range(0, 10).Select(i => $"{i},a\n"));
        string received = string.Concat(Enumerable.Range(0, 10).Select(i => $"{i},b\n")) + "10,b\n";

        string message = Snapshot.Differences(approved, received);

        Assert.StartsWith("11 differing line(s) (approved 10 lines, received 11)", message);
        Assert.Contains("line 5\n    approved: 4,a\n    received: 4,b\n", message);
        Assert.DoesNotContain("line 6\n", message);
        Assert.Contains("and 6 more differing lines", message);
    }

    [Fact]
    public void Obsolete_ApprovedFileNoTestNames_IsReportedAndDeletedOnlyWhenApproving()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_dir, "SomeTests")).FullName;
        string kept = Snapshot.ApprovedPath(sub, "Kept");
        string gone = Snapshot.ApprovedPath(sub, "Gone");
        File.WriteAllText(kept, "x\n");
        File.WriteAllText(gone, "y\n");
        var expected = new HashSet<string>([kept], SnapshotCatalog.PathComparer);

        Assert.Equal([gone], Snapshot.Obsolete(_dir, expected, approve: false));
        Assert.True(File.Exists(gone));
        Assert.Equal([gone], Snapshot.Obsolete(_dir, expected, approve: true));
        Assert.False(File.Exists(gone));
        Assert.True(File.Exists(kept));
    }

    [Fact]
    public void NameFor_TheoryArguments_JoinedInvariantAndFileSafe()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("Test.relu_0.5_3", Snapshot.NameFor("Test", ["relu", 0.5, 3]));
            Assert.Equal("Test.a-b", Snapshot.NameFor("Test", ["a/b"]));
            Assert.Equal("Test", Snapshot.NameFor("Test", []));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    // 0.123 → 0.223: a one-digit change of the first value after the epoch.
    private static string AlterFirstDigitAfterComma(string line)
    {
        int i = line.IndexOf(',') + 1;
        while (!char.IsAsciiDigit(line[i]) || line[i] == '0') i++;
        var chars = line.ToCharArray();
        chars[i] = chars[i] == '9' ? '1' : (char)(chars[i] + 1);
        return new string(chars);
    }
}
