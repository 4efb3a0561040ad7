namespace GradFlow.Experiments;

/// <summary>The study's presets (README "The main job"; `gradflow presets` lists them); every field can be overridden with `with`.</summary>
public static class Presets
{
    /// <summary>The first study: [2,16,16,1], N(0, 0.1²) init, seed 42, n = 300, no test split, lr 0.05, 2000 epochs.</summary>
    public static AblationSpec Seed { get; } = new()
    {
        Name = "seed",
        Inits = ["gaussian"],
        Scales = [1.0],
        Seeds = [42],
        TestSize = 0,
        Epochs = 2000,
    };

    /// <summary>The later multi-seed study: Xavier at scales 0.5, 1, 2, seeds 0–9, 25 % test split, 3000 epochs.</summary>
    public static AblationSpec Paper { get; } = new()
    {
        Name = "paper",
        Inits = ["xavier"],
        Scales = [0.5, 1.0, 2.0],
        Seeds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        TestSize = 0.25,
        Epochs = 3000,
    };

    /// <summary>relu and tanh, one seed, 50 epochs: a seconds-long check of the whole pipeline.</summary>
    public static AblationSpec Smoke { get; } = new()
    {
        Name = "smoke",
        Activations = ["relu", "tanh"],
        Inits = ["xavier"],
        Scales = [1.0],
        Seeds = [0],
        Epochs = 50,
    };

    /// <summary>Eight hidden layers of 32, Xavier and He at scale 1, seeds 0–4, 3000 epochs: vanishing or exploding flow per layer.</summary>
    public static AblationSpec Deep { get; } = new()
    {
        Name = "deep",
        Inits = ["xavier", "he"],
        Scales = [1.0],
        Seeds = [0, 1, 2, 3, 4],
        Arch = [2, 32, 32, 32, 32, 32, 32, 32, 32, 1],
        Epochs = 3000,
    };

    public static IReadOnlyList<AblationSpec> All { get; } = [Seed, Paper, Smoke, Deep];

    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    public static AblationSpec Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SpecException($"unknown preset '{name}'; valid: {string.Join(", ", Names)}");
}
