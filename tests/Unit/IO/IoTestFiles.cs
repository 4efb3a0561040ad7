using System.Diagnostics;

namespace GradFlow.Tests.Unit.IO;

internal static class IoTestFiles
{
    /// <summary>Makes a named pipe (mkfifo(1)) in <paramref name="dir"/> and returns its path.</summary>
    public static string Fifo(string dir, string name)
    {
        string path = Path.Combine(dir, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Reads a FIFO to its end on another thread (a writer's open blocks until a reader has opened it).</summary>
    public static Task<byte[]> ReadToEnd(string fifo) => Task.Run(() => File.ReadAllBytes(fifo));
}
