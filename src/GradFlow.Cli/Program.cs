using System.CommandLine;
using System.CommandLine.Help;
using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Cli;

/// <summary>
/// The <c>gradflow</c> command (README; docs/ARCHITECTURE.md "Where things go"). <see cref="Run(string[], TextWriter, TextWriter)"/>
/// is the whole program without the console, so tests and other tools can drive it in-process.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        var interruption = new Interruption();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C says what it waits for and stops the command (finished runs stay whole);
            // a second one ends the process at once.
            if (cancel.IsCancellationRequested) return;
            e.Cancel = true;
            Console.Error.WriteLine(interruption.Notice);
            Console.Error.Flush();
            cancel.Cancel();
        };
        bool interactive = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        return Run(args, new CliContext(Console.Out, Console.Error, interactive, cancel.Token) { Interruption = interruption });
    }

    /// <summary>Runs one command line; output to <paramref name="stdout"/>, errors to <paramref name="stderr"/>, no live console.</summary>
    /// <returns>0 success, 1 a check failed, 2 bad input (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliContext(stdout, stderr, Interactive: false));

    internal static int Run(string[] args, CliContext context)
    {
        try
        {
            var root = Commands.Root(context);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                var command = parse.CommandResult.Command;
                string help = command == root ? "gradflow --help" : $"gradflow {command.Name} --help";
                if (args.Length == 0)
                    return Fail(context, $"no command given; expected one of {string.Join(", ", root.Subcommands.Select(c => c.Name))} (see '{help}')");
                // A mistyped option also makes required ones look missing: name the unknown option first.
                var unknown = parse.UnmatchedTokens.Concat(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && !IsOption(command, a.Split('=')[0]))).ToArray();
                var error = parse.Errors.FirstOrDefault(e => unknown.Any(u => e.Message.Contains($"'{u}'", StringComparison.Ordinal))) ?? parse.Errors[0];
                string what = error.Message.TrimEnd('.');
                return Fail(context, $"{what}; see '{help}' for what is accepted");
            }
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            return Report(context, e);
        }
    }

    /// <summary>Runs a command's body, turning each kind of failure into its one stderr line and exit code.</summary>
    internal static int Guard(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            return Report(context, e);
        }
    }

    private static int Report(CliContext context, Exception e)
    {
        switch (e)
        {
            case UsageException or InvalidDataException:
                return Fail(context, e.Message);
            case SpecException spec:
                return Fail(context, Messages.FromSpec(spec.Message));
            case InterruptedException stopped:
                context.Error.WriteLine("gradflow: " + InputFile.OneLine(stopped.Message));
                return ExitCodes.Interrupted;
            case OperationCanceledException:
                context.Error.WriteLine("gradflow: interrupted; finished runs are on disk, run the same command again to resume");
                return ExitCodes.Interrupted;
            case UnauthorizedAccessException or IOException:
                return Fail(context, $"cannot write the output ({InputFile.OneLine(e.Message)}); expected a writable path");
            case NotImplementedException:
                context.Error.WriteLine($"gradflow: {InputFile.OneLine(e.Message)}");
                return ExitCodes.InternalError;
            default:
                context.Error.WriteLine($"gradflow: internal error ({e.GetType().Name}: {InputFile.OneLine(e.Message)}); please report it");
                return ExitCodes.InternalError;
        }
    }

    private static bool IsOption(Command command, string name) =>
        command.Options.Any(o => o.Name == name || o.Aliases.Contains(name))
        || (command.Parents.OfType<Command>().FirstOrDefault() is { } parent && IsOption(parent, name));

    internal static int Fail(CliContext context, string message)
    {
        context.Error.WriteLine("gradflow: " + InputFile.OneLine(message));
        return ExitCodes.BadInput;
    }
}
