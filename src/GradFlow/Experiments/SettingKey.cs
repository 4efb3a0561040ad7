using System.Numerics;

namespace GradFlow.Experiments;

/// <summary>
/// One setting of an ablation: everything but the seed. Its name is the summary file's stem; the learning
/// rate is part of it (and of the stem, as <c>_lr0p5</c>) only on a sweep over more than one rate.
/// </summary>
public sealed record SettingKey(string Activation, string Init, double Scale, double? LearningRate = null)
{
    public string Stem => LearningRate is { } lr ? $"{Activation}_{Init}_{ScaleTag.Of(Scale)}_lr{ScaleTag.Of(lr)[1..]}" : $"{Activation}_{Init}_{ScaleTag.Of(Scale)}";

    public RunKey WithSeed(BigInteger seed) => new(this, seed);

    public override string ToString() => Stem;
}
