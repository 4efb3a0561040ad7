using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Diagnostics;
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

    /// <summary>
    /// A wide run whose layers are big enough for the tiled kernels and for two threads to split them
    /// (128 × 128 × 96 rows per product): [2,128,128,1] tanh on 96 noisy-XOR points, 25 epochs, with
    /// <paramref name="kernelThreads"/> threads per layer; every logged value and the final weights as one SHA-256.
    /// </summary>
    public static string WideHash(int kernelThreads)
    {
        var split = Xor.Split(Xor.Generate(96, 0.1, Seed), 0.0, Seed);
        var arch = Architecture.Parse("2,128,128,1");
        var model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, Seed);
        var options = new TrainingOptions(0.05, 25) { KernelThreads = kernelThreads };
        var log = new Trainer(model, split, options, [new CoreMetrics(arch, hasTest: false)]).Run().Log;
        var bytes = new List<byte>();
        for (int r = 0; r < log.Count; r++)
            foreach (double v in log.Row(r)) bytes.AddRange(BitConverter.GetBytes(v));
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(WeightHash.Sha256(model)));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));
    }

    /// <summary>"hash=...;vector256=...;vector512=...;fma=...": the result and the hardware paths it took.</summary>
    public static string Describe(Mlp model) => string.Create(CultureInfo.InvariantCulture,
        $"hash={WeightHash.Sha256(model)};vector256={Vector256.IsHardwareAccelerated};vector512={Vector512.IsHardwareAccelerated};fma={Fma.IsSupported};vectorCount={System.Numerics.Vector<double>.Count}");

    /// <summary>
    /// The gradient-flow diagnostics, whose layer passes, log lookups, norms and percentile band have
    /// vector and scalar paths: every logged value of a ReLU and a tanh run, [2,16,16,1] on 225 training
    /// rows (so that the percentiles take their band pass), 60 epochs, as one SHA-256.
    /// </summary>
    public static string DiagnosticsHash()
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        var bytes = new List<byte>();
        foreach (var activation in new[] { "relu", "tanh" })
        {
            var split = Xor.Split(Xor.Generate(300, 0.1, Seed), 0.25, Seed);
            var arch = Architecture.Parse("2,16,16,1");
            var act = ActivationRegistry.Get(activation);
            var model = Mlp.Init(arch, act, InitScheme.Xavier, 1.0, Seed);
            var log = new Trainer(model, split, new TrainingOptions(0.05, 60),
                [new CoreMetrics(arch), new GradientFlowMetrics(arch, act, split.Train.Count)]).Run().Log;
            for (int r = 0; r < log.Count; r++)
                foreach (double v in log.Row(r)) bytes.AddRange(BitConverter.GetBytes(v));
        }
        return Convert.ToHexString(sha.ComputeHash(bytes.ToArray()));
    }

    /// <summary>
    /// The curvature code, whose products run through the vector kernels: H·v of a seeded direction and one
    /// curvature measurement (Lanczos extremes, Hutchinson trace) for a ReLU and a tanh [2,16,16,1] on 225 rows, as one SHA-256.
    /// </summary>
    public static string CurvatureHash()
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        var bytes = new List<byte>();
        foreach (var activation in new[] { "relu", "tanh" })
        {
            var split = Xor.Split(Xor.Generate(300, 0.1, Seed), 0.25, Seed);
            var arch = Architecture.Parse("2,16,16,1");
            var model = Mlp.Init(arch, ActivationRegistry.Get(activation), InitScheme.Xavier, 1.0, Seed);
            var hvp = new GradFlow.Curvature.HessianVectorProduct(arch, split.Train.Count);
            hvp.Prepare(model, split.Train);
            var v = new double[hvp.ParameterCount];
            var hv = new double[hvp.ParameterCount];
            GradFlow.Random.Generator.DefaultRng(Seed).StandardNormal(v);
            hvp.Apply(v, hv);
            foreach (double x in hv) bytes.AddRange(BitConverter.GetBytes(x));
            var m = new GradFlow.Curvature.CurvatureMeter(arch, split.Train.Count).Measure(model, split.Train.X, split.Train.Y, Seed);
            foreach (double x in new[] { m.LambdaMax, m.LambdaMin, m.Trace, m.TraceStandardError }) bytes.AddRange(BitConverter.GetBytes(x));
        }
        return Convert.ToHexString(sha.ComputeHash(bytes.ToArray()));
    }
}
