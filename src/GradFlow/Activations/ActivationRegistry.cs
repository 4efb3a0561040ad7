namespace GradFlow.Activations;

/// <summary>Every activation by its name in the study ("relu", "tanh", ...).</summary>
public static class ActivationRegistry
{
    /// <summary>The four activations of the study, in its order.</summary>
    public static IReadOnlyList<string> StudyNames { get; } = ["relu", "tanh", "arctan", "softsign"];

    /// <summary>The activations that are smooth and bounded: the study's "smooth" group.</summary>
    public static IReadOnlyList<string> SmoothStudyNames { get; } = ["tanh", "arctan", "softsign"];

    public static IReadOnlyList<Activation> All { get; } =
    [
        Activation<Relu>.Instance, Activation<Tanh>.Instance, Activation<Arctan>.Instance, Activation<Softsign>.Instance,
        Activation<Sigmoid>.Instance, Activation<LeakyRelu>.Instance, Activation<Elu>.Instance,
        Activation<Gelu>.Instance, Activation<Silu>.Instance, Activation<Softplus>.Instance,
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(a => a.Name).ToArray();

    public static bool TryGet(string name, out Activation activation)
    {
        foreach (var a in All)
        {
            if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                activation = a;
                return true;
            }
        }
        activation = null!;
        return false;
    }

    /// <summary>The activation called <paramref name="name"/>; an unknown name's error lists the valid ones.</summary>
    public static Activation Get(string name) =>
        TryGet(name, out var a)
            ? a
            : throw new ArgumentException($"unknown activation '{name}'; valid: {string.Join(", ", Names)}", nameof(name));
}
