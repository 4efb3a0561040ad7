using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Experiments;

/// <summary>
/// The full Hessian spectrum of one run at its first and last epoch, for the report: the run is retrained
/// from its key (bit for bit the same parameters as the sweep's, every run being a function of its key), the
/// dense Hessian of the training loss taken at θ₀ and at θ before the last update, and diagonalised.
/// </summary>
public static class SpectrumAtEnds
{
    /// <summary>Ascending eigenvalues at epoch 0 and at the last epoch; null for a run that diverges, whose Hessian at either end is not finite, or a model above <see cref="DenseHessian.MaxParameters"/>.</summary>
    public static (double[] First, double[] Last)? Compute(AblationSpec spec, RunKey key)
    {
        var arch = spec.Architecture;
        var model = Mlp.Init(arch, ActivationRegistry.Get(key.Activation), InitSchemes.Parse(key.Init), key.Scale, key.Seed);
        // Stryker disable once Equality : killed by SpectrumAtEndsTests.Compute_ModelAtExactlyTheDenseLimit_HasBothSpectra, which the per-mutant filter leaves out (two 2,048² eigensolves, ~20 s; docs/mutation-survivors.md)
        if (model.ParameterCount > DenseHessian.MaxParameters) return null;
        var split = Xor.Split(Xor.Generate(spec.N, spec.Noise, key.Seed, spec.RelabelAfterNoise), spec.TestSize, key.Seed);
        var pass = new BatchPass(arch, split.Train.Count);
        pass.Forward(model, split.Train.X);
        if (!double.IsFinite(pass.Loss(split.Train.Y)) || Spectrum(model, split.Train) is not { } first) return null;
        // All but the last update: the last logged epoch is measured before its own step, as the run files are.
        double rate = spec.RateOf(key.Setting);
        for (int epoch = 0; epoch < spec.Epochs - 1; epoch++)
        {
            pass.Forward(model, split.Train.X);
            if (!double.IsFinite(pass.Loss(split.Train.Y))) return null;
            pass.Backward(model, split.Train.Y);
            pass.Step(model, rate);
        }
        pass.Forward(model, split.Train.X);
        if (!double.IsFinite(pass.Loss(split.Train.Y))) return null;
        return Spectrum(model, split.Train) is { } last ? (first, last) : null;
    }

    // The ascending spectrum, or null where the passes overflow (a finite loss can still give a non-finite H).
    private static double[]? Spectrum(Mlp model, Dataset train)
    {
        try { return SymmetricEigen.Decompose(DenseHessian.Compute(model, train), vectors: false).Values; }
        catch (ArgumentException) when (model.ParameterCount <= DenseHessian.MaxParameters) { return null; }
    }
}
