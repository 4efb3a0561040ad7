using System.CommandLine;
using System.CommandLine.Help;

namespace GradFlow.Cli;

/// <summary>The verbs of the command line (README; <c>gradflow &lt;verb&gt; --help</c>). Values are taken as text and parsed by <see cref="Values"/>, with the invariant culture.</summary>
internal static class Commands
{
    public const string Name = "gradflow";

    /// <summary>
    /// The root is a plain command named gradflow, not a RootCommand: that one takes its name from the
    /// executable, which is GradFlow.Cli (dotnet run) or a tool shim, never the name users type.
    /// </summary>
    public static Command Root(CliContext context)
    {
        var root = new Command(Name, "GradFlow: how the hidden activation of an MLP shapes gradient flow. Exit codes: 0 success, 1 a check failed, 2 bad input.")
        {
            new HelpOption { Recursive = true },
            new VersionOption(),
        };
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(PlotCommand.Create(context));
        root.Subcommands.Add(GradcheckCommand.Create(context));
        root.Subcommands.Add(GradientsCommand.Create(context));
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(DatasetCommand.Create(context));
        root.Subcommands.Add(PresetsCommand.Create(context));
        return root;
    }

    /// <summary>An option taking one value as text; <paramref name="defaultValue"/> (if any) shows in --help.</summary>
    public static Option<string?> Text(string name, string description, string? defaultValue = null, bool required = false)
    {
        var option = new Option<string?>(name) { Description = description, Required = required };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static void SetAction(Command command, CliContext context, Func<ParseResult, int> action) =>
        command.SetAction(parse => Program.Guard(context, () => action(parse)));
}
