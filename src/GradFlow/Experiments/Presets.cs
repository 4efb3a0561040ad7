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

    /// <summary>The paper study on new seeds 10–29: which of its conclusions survive seeds the study did not see.</summary>
    public static AblationSpec PaperHeldout { get; } = Paper with
    {
        Name = "paper-heldout",
        Seeds = [.. Enumerable.Range(10, 20).Select(s => (ulong)s)],
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

    /// <summary>
    /// The edge of stability (Cohen et al., ICLR 2021): the paper's net and data, the four activations at Xavier
    /// scale 1, seeds 0–9, learning rates 0.05, 0.5, 1 and 2, 2000 epochs, curvature every 10th epoch.
    /// </summary>
    public static AblationSpec Eos { get; } = new()
    {
        Name = "eos",
        Inits = ["xavier"],
        Scales = [1.0],
        Seeds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        TestSize = 0.25,
        LearningRates = [0.05, 0.5, 1.0, 2.0],
        Epochs = 2000,
        CurvatureEvery = 10,
    };

    /// <summary>
    /// Sixteen hidden layers of 128, Xavier at scales 1 and 2 and He (a spec is a cross product, so He at
    /// scale 2 too), seeds 0–4, 10 epochs: initialisation seen through wide layers, where mean-field theory applies.
    /// </summary>
    public static AblationSpec DeepWide { get; } = new()
    {
        Name = "deep-wide",
        Inits = ["xavier", "he"],
        Scales = [1.0, 2.0],
        Seeds = [0, 1, 2, 3, 4],
        Arch = [2, .. Enumerable.Repeat(128, 16), 1],
        Epochs = 10,
    };

    public static IReadOnlyList<AblationSpec> All { get; } = [Seed, Paper, Smoke, Deep, Eos, PaperHeldout, DeepWide];

    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    public static AblationSpec Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SpecException($"unknown preset '{name}'; valid: {string.Join(", ", Names)}");
}
