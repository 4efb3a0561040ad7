using System.Text;

namespace GradFlow.IO;

/// <summary>
/// Write-then-rename: a file is written under a temporary name in its own folder and renamed over the
/// target, so a folder never holds half a file (a file that exists is complete). Temporary names hold
/// <see cref="TempMarker"/>, so a sweep that restarts after a kill can drop the leftovers. Only a regular
/// file or a new path is replaced so: a symbolic link is followed (its final target written, the link
/// kept), and a device, FIFO or socket (e.g. /dev/null, or /proc/self/fd/1 leading to a pipe) is written
/// through, never replaced by a regular file.
/// </summary>
public static class AtomicFile
{
    public const string TempMarker = ".tmp-";

    /// <summary>Calls <paramref name="writeTemp"/> with a temporary path beside <paramref name="path"/> (same extension), then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> writeTemp)
    {
        ArgumentNullException.ThrowIfNull(writeTemp);
        string full = Path.GetFullPath(path);
        if (FileKind.Of(full) == FileKind.Kind.SymbolicLink)
        {
            if (FileKind.Of(full, followLinks: true) is FileKind.Kind.Other)
            {
                WriteThrough(full, writeTemp);
                return;
            }
            full = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        else if (FileKind.Of(full) == FileKind.Kind.Other)
        {
            WriteThrough(full, writeTemp);
            return;
        }
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}{Path.GetExtension(full)}");
        try
        {
            writeTemp(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    // A device or FIFO: the content goes to a temporary file first (writers may need a path), then its bytes through the target.
    private static void WriteThrough(string target, Action<string> writeTemp)
    {
        string temp = Path.Combine(Path.GetTempPath(), $".gradflow{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}{Path.GetExtension(target)}");
        try
        {
            writeTemp(temp);
            using var source = File.OpenRead(temp);
            // The kernel follows any link (e.g. /proc/self/fd/1 to a pipe) when opening the path itself.
            using var sink = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            source.CopyTo(sink);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes UTF-8 text (no byte-order mark) atomically, flushed to disk before the rename.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, temp =>
    {
        using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
        // Stryker disable once Statement : durability only: without it the writer's buffer still reaches the file when the writer is disposed, before the rename; only the fsync misses it
        writer.Flush();
        // Stryker disable once Statement,Boolean : durability only (fsync before the rename against a power loss): the bytes in the file are the same without it
        stream.Flush(flushToDisk: true);
    });
}
