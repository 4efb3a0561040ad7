namespace GradFlow.Cli;

internal static class Messages
{
    // The spec's own messages start with its field name ("lr: ..."); on the command line that field is an option.
    private static readonly string[] SpecFields =
        ["activations", "inits", "scales", "seeds", "arch", "n", "noise", "test-size", "lr", "epochs", "deriv-eps", "z-linear-eps", "log-every", "shard", "out"];

    public static string FromSpec(string message)
    {
        foreach (var field in SpecFields)
            if (message.StartsWith(field + ":", StringComparison.Ordinal)) return "--" + message;
        return message;
    }
}
