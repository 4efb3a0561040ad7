using GradFlow.Cli;

namespace GradFlow.Tests.Cli;

/// <summary>What one in-process run of the command printed and returned.</summary>
public sealed record CliResult(int Exit, string Out, string Err)
{
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {Exit}\n--- stdout ---\n{Out}--- stderr ---\n{Err}";
}

/// <summary>Runs <c>gradflow</c> in-process through <see cref="Program.Run(string[], TextWriter, TextWriter)"/>.</summary>
public static class Gradflow
{
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Program.Run(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with a cancellation token, as Ctrl+C delivers it (Program.Main cancels the token at the first one).</summary>
    internal static CliResult Run(CancellationToken cancellation, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Program.Run(args, new CliContext(stdout, stderr, Interactive: false, cancellation));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs as on a machine with <paramref name="availableMemory"/> bytes of memory (the size checks' verdicts fixed).</summary>
    internal static CliResult Run(long availableMemory, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Program.Run(args, new CliContext(stdout, stderr, Interactive: false) { AvailableMemory = availableMemory });
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The bad-input contract: exit 2, one stderr line naming <paramref name="mention"/>, no stack trace, nothing written.</summary>
    public static void AssertBadInput(CliResult result, string mention, params string[] mustNotExist)
    {
        Assert.True(result.Exit == ExitCodes.BadInput, result.ToString());
        var lines = result.ErrLines;
        Assert.True(lines.Length == 1, "expected exactly one stderr line\n" + result);
        Assert.StartsWith("gradflow: ", lines[0]);
        Assert.Contains(mention, lines[0]);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("Exception", result.Err);
        foreach (var path in mustNotExist)
            Assert.False(File.Exists(path) || Directory.Exists(path), $"{path} was written\n{result}");
    }
}
