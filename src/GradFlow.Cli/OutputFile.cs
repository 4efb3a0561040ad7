using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Cli;

internal static class OutputFile
{
    /// <summary>
    /// Writes to <paramref name="path"/>, or to stdout when no path was given. A new path or a regular
    /// file is written under a temporary name and renamed into place; a symbolic link is followed (its
    /// target written, the link kept); a device, FIFO or socket is written through, never replaced.
    /// </summary>
    public static void Write(CliContext context, string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(context.Out);
            context.Out.Flush();
            return;
        }
        bool link = FileKind.Of(path) == FileKind.Kind.SymbolicLink;
        var kind = FileKind.Of(path, followLinks: true);
        switch (kind)
        {
            case FileKind.Kind.Missing when !link:
            case FileKind.Kind.Regular:
                // A link to a regular file: its final target is renamed onto, the link stays.
                AtomicFile.WriteText(link ? File.ResolveLinkTarget(path, returnFinalTarget: true)!.FullName : path, write);
                break;
            case FileKind.Kind.Missing:
                throw new UsageException($"--out: '{path}' is a symbolic link to nothing; expected a file path or a link to a file");
            case FileKind.Kind.Other:
                // The kernel follows any link (e.g. /proc/self/fd/1 to a pipe) when opening the path itself.
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
                    write(writer);
                break;
            default:
                throw new UsageException($"--out: '{path}' is not a file that can be written; expected a file path");
        }
    }
}
