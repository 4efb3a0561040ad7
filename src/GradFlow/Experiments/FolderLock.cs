using System.Globalization;

namespace GradFlow.Experiments;

/// <summary>
/// One owner per results folder: an exclusive lock on <c>.gradflow.lock</c> held for as long as a sweep
/// or merge writes the folder. The operating system releases it when its process ends, however it ends,
/// so a lock left by a dead process is recognised by simply being free. The owner (process id, host,
/// command start) is written beside it in <c>.gradflow.owner</c>, so that a refused second run can name it.
/// </summary>
public sealed class FolderLock : IDisposable
{
    public const string LockName = ".gradflow.lock";
    public const string OwnerName = ".gradflow.owner";

    private readonly FileStream _lock;
    private readonly string _ownerPath;

    private FolderLock(FileStream stream, string ownerPath)
    {
        _lock = stream;
        _ownerPath = ownerPath;
    }

    /// <summary>
    /// Takes the folder (creating it if needed), or throws <see cref="SpecException"/> naming the folder
    /// and its owner when another process holds it.
    /// </summary>
    public static FolderLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        string lockPath = Path.Combine(folder, LockName), ownerPath = Path.Combine(folder, OwnerName);
        FileStream stream;
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a sharing lock on Windows.
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            // The holder writes its name just after taking the lock: give it a moment before calling it anonymous.
            string? named = ReadOwner(ownerPath);
            for (int i = 0; named is null && i < 50; i++)
            {
                Thread.Sleep(20);
                named = ReadOwner(ownerPath);
            }
            string owner = named ?? "another process";
            throw new SpecException($"out: {Path.GetFullPath(folder)} is in use by {owner}; wait for it to finish or choose another folder");
        }
        string me = string.Create(CultureInfo.InvariantCulture,
            $"gradflow process {Environment.ProcessId} on {Environment.MachineName}, started {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");
        File.WriteAllText(ownerPath, me + "\n");
        return new FolderLock(stream, ownerPath);
    }

    private static string? ReadOwner(string path)
    {
        try { return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } text ? text : null; }
        catch (IOException) { return null; }
    }

    /// <summary>Releases the folder; the empty lock file stays (deleting it could let two later runs lock two different files).</summary>
    public void Dispose()
    {
        try { File.Delete(_ownerPath); }
        catch (IOException) { }
        _lock.Dispose();
    }
}
