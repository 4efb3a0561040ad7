using FsCheck;
using FsCheck.Fluent;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Tests.Properties.Generators;

/// <summary>A random small network and a few rows of random data for it.</summary>
public sealed record NetworkCase(int[] Widths, string Activation, InitScheme Init, double Scale, int Seed, double[] X, double[] Y)
{
    public Architecture Architecture => new(Widths);

    public Dataset Data => Dataset.Create(X, Y, Widths[0]);

    public Mlp Model() => Mlp.Init(Architecture, ActivationRegistry.Get(Activation), Init, Scale, (UInt128)Seed);

    public override string ToString() =>
        $"[{string.Join(",", Widths)}] {Activation} {Init.Name()} scale {Scale:R} seed {Seed}, {Y.Length} rows";

    /// <summary>
    /// Inputs 1–4, 1–6 hidden layers of width 1–12, an activation from <paramref name="activations"/>,
    /// any init scheme at scale in [0.5, 2], 4–10 rows with x uniform in [−1, 1] and random labels.
    /// </summary>
    public static Gen<NetworkCase> Generate(IReadOnlyList<string> activations) =>
        from inputs in Gen.Choose(1, 4)
        from depth in Gen.Choose(1, 6)
        from hidden in Gen.ArrayOf(Gen.Choose(1, 12), depth)
        from activation in Gen.Elements(activations.ToArray())
        from init in Gen.Elements(InitScheme.Xavier, InitScheme.He, InitScheme.Lecun, InitScheme.Gaussian)
        from scale in Doubles.Uniform(0.5, 2.0)
        from seed in Gen.Choose(0, 1_000_000)
        from rows in Gen.Choose(4, 10)
        from x in Gen.ArrayOf(Doubles.Uniform(-1, 1), rows * inputs)
        from y in Gen.ArrayOf(Gen.Elements(0.0, 1.0), rows)
        select new NetworkCase([inputs, .. hidden, 1], activation, init, scale, seed, x, y);
}
