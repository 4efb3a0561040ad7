using GradFlow.IO;

namespace GradFlow.Cli;

internal static class OutputFile
{
    /// <summary>
    /// Writes to <paramref name="path"/> (see <see cref="AtomicFile"/>: regular files and new paths by
    /// rename, links followed, devices and FIFOs written through), or to stdout when no path was given.
    /// </summary>
    public static void Write(CliContext context, string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(context.Out);
            context.Out.Flush();
            return;
        }
        AtomicFile.WriteText(path, write);
    }
}
