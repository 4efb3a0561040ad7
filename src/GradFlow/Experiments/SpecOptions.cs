namespace GradFlow.Experiments;

/// <summary>The command-line option that sets each field of a spec, so that refusals name what the user typed.</summary>
public static class SpecOptions
{
    // manifest.json's field names (snake case) and the derived fields it also records, by option.
    private static readonly Dictionary<string, string> Options = new()
    {
        ["name"] = "--preset", ["activations"] = "--activations", ["inits"] = "--inits", ["scales"] = "--scales", ["seeds"] = "--seeds",
        ["arch"] = "--arch", ["architecture"] = "--arch", ["n"] = "--n", ["noise"] = "--noise", ["test_size"] = "--test-size",
        ["has_test_split"] = "--test-size", ["accuracy_metric"] = "--test-size", ["relabel_after_noise"] = "--relabel-after-noise",
        ["learning_rate"] = "--lr", ["epochs"] = "--epochs", ["deriv_eps"] = "--deriv-eps", ["z_linear_eps"] = "--z-linear-eps",
        ["log_every"] = "--log-every",
    };

    /// <summary>The options behind <paramref name="fields"/>, each once, in order (an unknown field is kept as it is).</summary>
    public static IReadOnlyList<string> For(IEnumerable<string> fields) =>
        fields.Select(f => Options.GetValueOrDefault(f, f)).Distinct().ToArray();
}
