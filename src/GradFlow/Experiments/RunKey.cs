using System.Globalization;
using System.Numerics;

namespace GradFlow.Experiments;

/// <summary>One run of an ablation; its name is the run file's stem, e.g. relu_xavier_s0p5_seed3.</summary>
public sealed record RunKey(SettingKey Setting, BigInteger Seed)
{
    public string Activation => Setting.Activation;
    public string Init => Setting.Init;
    public double Scale => Setting.Scale;

    public string Stem => Setting.Stem + "_seed" + Seed.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Stem;
}
