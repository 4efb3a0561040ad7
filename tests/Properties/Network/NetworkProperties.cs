using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Metrics;
using GradFlow.Model;
using GradFlow.Numerics;
using GradFlow.Tests.Properties.Generators;
using GradFlow.Training;
using GradFlow.Verification;

namespace GradFlow.Tests.Properties.Network;

/// <summary>Backprop, a gradient step and a training run, over random networks and data.</summary>
[Trait("Category", "Property")]
public sealed class NetworkProperties
{
    private const double MachineEpsilon = 2.220446049250313e-16; // 2^−52

    private static readonly string[] Smooth = ["tanh", "arctan", "softsign", "sigmoid", "gelu", "silu", "softplus"];

    [Property(MaxTest = 40)]
    [Trait("Category", "GradientCheck")]
    public Property GradientCheck_RandomNetworkAndData_Passes() =>
        Prop.ForAll(NetworkCase.Generate(ActivationRegistry.Names).ToArbitrary(), c =>
        {
            var report = GradientChecker.Check(c.Model(), c.Data, new GradientCheckOptions(Context: c.ToString()));
            return Prop.Label(report.Passed, $"{c}: {report}");
        });

    /// <summary>
    /// One step θ′ = θ − η·g with η = 1e-4. By Taylor, L(θ′) = L(θ) − η|g|² + (η²/2)·gᵀH(ξ)g, so the loss
    /// falls by at least η|g|²/2 whenever η·‖H‖ ≤ 1 (curvature up to 1e4, far above these small nets').
    /// Slack: the rounding of the two loss evaluations, each a mean of m terms of a few ulps: 2(m + 3)ε·L.
    /// </summary>
    [Property(MaxTest = 40)]
    public Property GradientStep_SmoothActivationSmallLearningRate_LowersTheLoss() =>
        Prop.ForAll(NetworkCase.Generate(Smooth).ToArbitrary(), c =>
        {
            const double lr = 1e-4;
            var model = c.Model();
            var data = c.Data;
            var pass = new BatchPass(model.Architecture, data.Count);
            pass.Forward(model, data.X);
            double before = pass.Loss(data.Y);
            var grad = LossGradient.Compute(model, data).Layers;
            double gradSq = 0;
            for (int l = 0; l < grad.Count; l++)
            {
                gradSq += Kernels.SumOfSquares(grad[l].Weights) + Kernels.SumOfSquares(grad[l].Bias);
                Kernels.Descend(lr, grad[l].Weights, model.Layers[l].Weights);
                Kernels.Descend(lr, grad[l].Bias, model.Layers[l].Bias);
            }
            pass.Forward(model, data.X);
            double after = pass.Loss(data.Y);

            double slack = 2 * (data.Count + 3) * MachineEpsilon * before;
            return Prop.Label(before - after >= 0.5 * lr * gradSq - slack,
                $"{c}: loss {before:R} → {after:R}, fell {before - after:G3}, expected at least η|g|²/2 = {0.5 * lr * gradSq:G3}");
        });

    [Property(MaxTest = 25)]
    public Property Train_SameSpecTwice_GivesBitIdenticalRunLogs() =>
        Prop.ForAll(NetworkCase.Generate(ActivationRegistry.Names).ToArbitrary(), c =>
        {
            RunLog Run()
            {
                var data = Xor.Split(Xor.Generate(24, 0.1, (UInt128)c.Seed), 0.25, (UInt128)c.Seed);
                var widths = c.Widths.ToArray();
                widths[0] = 2;
                var model = Mlp.Init(new Architecture(widths), ActivationRegistry.Get(c.Activation), c.Init, c.Scale, (UInt128)c.Seed);
                return new Trainer(model, data, new TrainingOptions(0.05, 30), [new CoreMetrics(model.Architecture)]).Run().Log;
            }

            var a = Run();
            var b = Run();
            if (a.Count != b.Count || a.Count != 30) return Prop.Label(false, $"{c}: {a.Count} and {b.Count} rows");
            for (int r = 0; r < a.Count; r++)
            {
                if (a.Epoch(r) != b.Epoch(r)) return Prop.Label(false, $"{c}: row {r} epochs {a.Epoch(r)} and {b.Epoch(r)}");
                var ra = a.Row(r);
                var rb = b.Row(r);
                for (int k = 0; k < ra.Length; k++)
                    if (BitConverter.DoubleToInt64Bits(ra[k]) != BitConverter.DoubleToInt64Bits(rb[k]))
                        return Prop.Label(false, $"{c}: epoch {a.Epoch(r)} {a.Columns[k]}: {ra[k]:R} vs {rb[k]:R}");
            }
            return Prop.Label(true, "");
        });
}
