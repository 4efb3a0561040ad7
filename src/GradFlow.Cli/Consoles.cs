using Spectre.Console;

namespace GradFlow.Cli;

internal static class Consoles
{
    /// <summary>A Spectre console drawing on <paramref name="output"/> (the terminal, when interactive).</summary>
    public static IAnsiConsole For(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });
}
