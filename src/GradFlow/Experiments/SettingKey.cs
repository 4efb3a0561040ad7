using System.Numerics;

namespace GradFlow.Experiments;

/// <summary>One setting of an ablation: everything but the seed. Its name is the summary file's stem.</summary>
public sealed record SettingKey(string Activation, string Init, double Scale)
{
    public string Stem => $"{Activation}_{Init}_{ScaleTag.Of(Scale)}";

    public RunKey WithSeed(BigInteger seed) => new(this, seed);

    public override string ToString() => Stem;
}
