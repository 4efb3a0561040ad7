using System.Globalization;
using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class FolderLockTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gradflow-lock-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Dir(string name) => Path.Combine(_root, name);

    private static string Me => $"gradflow process {Environment.ProcessId} on {Environment.MachineName}, started ";

    [Fact]
    public void Acquire_NewFolder_CreatesItWithTheLockAndTheOwnersLine()
    {
        string folder = Path.Combine(Dir("a"), "b");
        var before = DateTime.UtcNow.AddSeconds(-1);

        using (FolderLock.Acquire(folder))
        {
            var after = DateTime.UtcNow.AddSeconds(1);
            Assert.True(File.Exists(Path.Combine(folder, ".gradflow.lock")));
            Assert.Equal(0, new FileInfo(Path.Combine(folder, ".gradflow.lock")).Length);
            string owner = File.ReadAllText(Path.Combine(folder, ".gradflow.owner"));
            Assert.StartsWith(Me, owner);
            Assert.EndsWith(" UTC\n", owner);
            var started = DateTime.ParseExact(owner[Me.Length..^" UTC\n".Length], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.InRange(started, before, after);
        }
    }

    [Fact]
    public void LockNameAndOwnerName_AreTheFilesOfTheFormat()
    {
        Assert.Equal(".gradflow.lock", FolderLock.LockName);
        Assert.Equal(".gradflow.owner", FolderLock.OwnerName);
    }

    [Fact]
    public void Acquire_FolderHeld_ThrowsNamingTheFullFolderAndItsOwner()
    {
        using var held = FolderLock.Acquire(Dir("held"));
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, Dir("held"));

        var e = Assert.Throws<SpecException>(() => FolderLock.Acquire(relative));

        Assert.StartsWith($"out: {Dir("held")} is in use by {Me}", e.Message);
        Assert.EndsWith(" UTC; wait for it to finish or choose another folder", e.Message);
    }

    [Fact]
    public void Acquire_HeldFolderWhoseOwnerIsWrittenWhileWaiting_NamesThatOwner()
    {
        using var held = FolderLock.Acquire(Dir("late"));
        string ownerPath = Path.Combine(Dir("late"), FolderLock.OwnerName);
        // The holder has the lock but its line is not written yet (blank so far).
        File.WriteAllText(ownerPath, "  \n");
        // A thread of its own, not the pool's: the test's own thread blocks in Acquire meanwhile.
        var writer = new Thread(() =>
        {
            Thread.Sleep(100);
            File.WriteAllText(ownerPath, "gradflow process 4242 on elsewhere, started 2026-01-01 00:00:00 UTC\n");
        });
        writer.Start();

        var e = Assert.Throws<SpecException>(() => FolderLock.Acquire(Dir("late")));
        writer.Join();

        Assert.Equal($"out: {Dir("late")} is in use by gradflow process 4242 on elsewhere, started 2026-01-01 00:00:00 UTC; wait for it to finish or choose another folder", e.Message);
    }

    [Fact]
    public void Acquire_HeldFolderThatNeverNamesItsOwner_CallsItAnotherProcess()
    {
        using var held = FolderLock.Acquire(Dir("anon"));
        File.Delete(Path.Combine(Dir("anon"), FolderLock.OwnerName));

        var e = Assert.Throws<SpecException>(() => FolderLock.Acquire(Dir("anon")));

        Assert.Equal($"out: {Dir("anon")} is in use by another process; wait for it to finish or choose another folder", e.Message);
    }

    [Fact]
    public void Acquire_LockFileLeftByADeadProcess_TakesTheFolderAndWritesItsOwnLine()
    {
        Directory.CreateDirectory(Dir("stale"));
        File.WriteAllText(Path.Combine(Dir("stale"), FolderLock.LockName), "");
        File.WriteAllText(Path.Combine(Dir("stale"), FolderLock.OwnerName), "gradflow process 999999 on gone, started 2026-01-01 00:00:00 UTC\n");

        using var taken = FolderLock.Acquire(Dir("stale"));

        Assert.StartsWith(Me, File.ReadAllText(Path.Combine(Dir("stale"), FolderLock.OwnerName)));
    }

    [Fact]
    public void Dispose_Held_RemovesTheOwnerKeepsTheLockFileAndFreesTheFolder()
    {
        var first = FolderLock.Acquire(Dir("d"));

        first.Dispose();

        Assert.False(File.Exists(Path.Combine(Dir("d"), FolderLock.OwnerName)));
        Assert.True(File.Exists(Path.Combine(Dir("d"), FolderLock.LockName)));
        using var second = FolderLock.Acquire(Dir("d"));
        Assert.True(File.Exists(Path.Combine(Dir("d"), FolderLock.OwnerName)));
    }

    [Fact]
    public void Dispose_OwnerAlreadyGone_StillFreesTheFolder()
    {
        var first = FolderLock.Acquire(Dir("g"));
        File.Delete(Path.Combine(Dir("g"), FolderLock.OwnerName));

        first.Dispose();

        using var second = FolderLock.Acquire(Dir("g"));
    }

    [Fact]
    public void Acquire_TwoFolders_AreHeldIndependently()
    {
        using var a = FolderLock.Acquire(Dir("x"));
        using var b = FolderLock.Acquire(Dir("y"));

        Assert.Throws<SpecException>(() => FolderLock.Acquire(Dir("x")));
        Assert.Throws<SpecException>(() => FolderLock.Acquire(Dir("y")));
    }
}
