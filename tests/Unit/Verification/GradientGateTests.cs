using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

/// <summary>The finite-difference gate: backprop agrees with central differences at atol 1e-9, rtol 1e-6.</summary>
[Trait("Category", "GradientCheck")]
public sealed class GradientGateTests
{
    public static readonly string[] Architectures = ["2,1", "2,3,1", "2,16,16,1", "3,5,4,1", "2,8,8,8,8,8,8,1"];
    public static readonly double[] Scales = [0.5, 1.0, 2.0];

    public static TheoryData<string, string, double> Cases()
    {
        var data = new TheoryData<string, string, double>();
        foreach (var activation in ActivationRegistry.Names)
            foreach (var arch in Architectures)
                foreach (var scale in Scales)
                    data.Add(activation, arch, scale);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backprop_MatchesCentralDifferences_OnEveryParameter(string activation, string arch, double scale)
    {
        const int seed = 42;
        var architecture = Architecture.Parse(arch);
        var model = Mlp.Init(architecture, ActivationRegistry.Get(activation), InitScheme.Xavier, scale, seed);
        var data = SmallData(architecture.Inputs, seed);

        var report = GradientChecker.Check(model, data, new GradientCheckOptions(Context: $"{activation}, [{arch}], scale {scale}, seed {seed}"));

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(model.ParameterCount, report.Entries.Count);
        // Kink-crossing entries are reported, never the bulk of the check.
        Assert.True(report.CheckedCount >= report.Entries.Count / 2, report.ToString());
    }

    /// <summary>Twelve seeded noisy-XOR rows, widened with extra uniform features when the net takes more than two.</summary>
    internal static Dataset SmallData(int features, int seed)
    {
        var xor = Xor.Generate(12, 0.1, (UInt128)seed);
        if (features == 2) return xor;
        var extra = new double[xor.Count * (features - 2)];
        GradFlow.Random.Generator.DefaultRng((UInt128)seed + 1).Uniform(-1, 1, extra);
        var x = new double[xor.Count * features];
        for (int r = 0; r < xor.Count; r++)
        {
            xor.Row(r).CopyTo(x.AsSpan(r * features, 2));
            extra.AsSpan(r * (features - 2), features - 2).CopyTo(x.AsSpan(r * features + 2, features - 2));
        }
        return Dataset.Create(x, xor.Y, features);
    }
}
