using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Cli;

internal static class OutputFile
{
    /// <summary>Writes to <paramref name="path"/> atomically, or to stdout when no path was given.</summary>
    public static void Write(CliContext context, string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(context.Out);
            context.Out.Flush();
        }
        else AtomicFile.WriteText(path, write);
    }
}
