namespace GradFlow.Tests.Snapshots;

/// <summary>
/// Every committed approved file is used by a test ("obsolete snapshot: …" otherwise; the approve command
/// deletes such files), judged from a static list of the tests' snapshot names, not from which tests ran.
/// </summary>
[Trait("Category", "Snapshot")]
public sealed class SnapshotCatalogTests
{
    private static readonly string Root = SnapshotCatalog.ProjectDirectory();

    private static IReadOnlySet<string> Expected(out IReadOnlyList<string> unplaced) =>
        SnapshotCatalog.ExpectedApprovedFiles(typeof(SnapshotCatalogTests).Assembly, Root, out unplaced);

    [Fact]
    public void ApprovedFiles_EachIsUsedByATest()
    {
        var expected = Expected(out _);

        var obsolete = Snapshot.Obsolete(Root, expected, Snapshot.ApproveRequested);

        if (!Snapshot.ApproveRequested)
            Assert.True(obsolete.Count == 0, string.Join("\n", obsolete.Select(f => "obsolete snapshot: " + Path.GetRelativePath(Root, f)))
                + $"\nno test names these files any more; {Snapshot.ApproveCommand} deletes them.");
    }

    [Fact]
    public void TestClasses_EachLivesInAFileNamedAfterIt()
    {
        Expected(out var unplaced);

        Assert.True(unplaced.Count == 0, "snapshot folders are named after the test file, so each test class needs a file of its name: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Catalog_NamesEveryCurveAndStreamSnapshot()
    {
        var expected = Expected(out _);
        string curves = Path.Combine(Root, nameof(TrainingCurveSnapshots));
        string streams = Path.Combine(Root, nameof(RandomStreamSnapshots));

        foreach (var row in TrainingCurveSnapshots.PaperRuns)
            Assert.Contains(Snapshot.ApprovedPath(curves, Snapshot.NameFor(nameof(TrainingCurveSnapshots.PaperCurve_Seed0_MatchesApproved), [row])), expected);
        foreach (var row in TrainingCurveSnapshots.SeedRuns)
            Assert.Contains(Snapshot.ApprovedPath(curves, Snapshot.NameFor(nameof(TrainingCurveSnapshots.SeedPresetCurve_MatchesApproved), [row])), expected);
        foreach (var row in RandomStreamSnapshots.InitSettings)
            Assert.Contains(Snapshot.ApprovedPath(streams, Snapshot.NameFor(nameof(RandomStreamSnapshots.InitialWeights_MatchApproved), [row])), expected);
        Assert.Equal(8, TrainingCurveSnapshots.Paper.Runs().Count);
        Assert.Equal(4, TrainingCurveSnapshots.Seed.Runs().Count);
    }

    [Fact]
    public void Catalog_ApprovedFileOfAnUnknownTest_IsNotExpected()
    {
        var expected = Expected(out _);

        Assert.DoesNotContain(Snapshot.ApprovedPath(Path.Combine(Root, nameof(TrainingCurveSnapshots)), "NoSuchTest"), expected);
        Assert.DoesNotContain(Snapshot.ApprovedPath(Path.Combine(Root, nameof(TrainingCurveSnapshots)),
            Snapshot.NameFor(nameof(TrainingCurveSnapshots.PaperCurve_Seed0_MatchesApproved), ["gelu_xavier_s1_seed0"])), expected);
    }
}
