using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Training;
using GradFlow.Verification;

namespace GradFlow.DeterminismProbe;

/// <summary>
/// The one short training whose result must not depend on the SIMD width: [2,16,16,1] tanh, Xavier,
/// 64 noisy-XOR points, 200 epochs of lr 0.05. Run in-process by the tests and in child processes by <see cref="Program"/>.
/// </summary>
public static class ProbeRun
{
    public const int Seed = 7;

    public static Mlp Train()
    {
        var data = Xor.Generate(64, 0.1, Seed);
        var split = Xor.Split(data, 0.0, Seed);
        var model = Mlp.Init(Architecture.Parse("2,16,16,1"), Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, Seed);
        var trainer = new Trainer(model, split, new TrainingOptions(0.05, 200), [new CoreMetrics(model.Architecture)]);
        var result = trainer.Run();
        if (result.Diverged) throw new InvalidOperationException($"probe run diverged at epoch {result.DivergedAt}");
        return model;
    }

    /// <summary>"hash=...;vector256=...;vector512=...;fma=...": the result and the hardware paths it took.</summary>
    public static string Describe(Mlp model) => string.Create(CultureInfo.InvariantCulture,
        $"hash={WeightHash.Sha256(model)};vector256={Vector256.IsHardwareAccelerated};vector512={Vector512.IsHardwareAccelerated};fma={Fma.IsSupported};vectorCount={System.Numerics.Vector<double>.Count}");
}
