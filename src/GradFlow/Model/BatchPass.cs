using GradFlow.Numerics;
using GradFlow.Training;

namespace GradFlow.Model;

/// <summary>
/// Forward and backward passes of an <see cref="Mlp"/> over a fixed batch, with every buffer sized
/// once. After <see cref="Forward"/> the caches (<see cref="PreActivation"/>, <see cref="Output"/>,
/// <see cref="PhiPrime"/>) hold the pass, so diagnostics never need a second one; after
/// <see cref="Backward"/>, <see cref="Delta"/> holds ∂L/∂z and <see cref="GradW"/>/<see cref="GradB"/> ∂L/∂W, ∂L/∂b.
/// All matrices are row-major with one row per sample.
/// </summary>
public sealed class BatchPass
{
    private readonly double[][] _z, _a, _dphi, _delta, _gradW, _gradB, _weightsT;

    public BatchPass(Architecture arch, int batchSize)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "a batch needs at least one row");
        Architecture = arch;
        BatchSize = batchSize;
        int layers = arch.LayerCount;
        _z = new double[layers][];
        _a = new double[layers][];
        _dphi = new double[layers][];
        _delta = new double[layers][];
        _gradW = new double[layers][];
        _gradB = new double[layers][];
        _weightsT = new double[layers][];
        for (int l = 0; l < layers; l++)
        {
            int fanIn = arch.Widths[l], fanOut = arch.Widths[l + 1];
            _z[l] = new double[batchSize * fanOut];
            _a[l] = new double[batchSize * fanOut];
            _dphi[l] = new double[batchSize * fanOut];
            _delta[l] = new double[batchSize * fanOut];
            _gradW[l] = new double[fanIn * fanOut];
            _gradB[l] = new double[fanOut];
            _weightsT[l] = new double[fanIn * fanOut];
        }
    }

    public Architecture Architecture { get; }
    public int BatchSize { get; }
    public int LayerCount => _z.Length;

    /// <summary>z of layer l (0-based), BatchSize × fan_out.</summary>
    public ReadOnlySpan<double> PreActivation(int l) => _z[l];

    /// <summary>φ(z) of hidden layer l, or p = σ(z) for the output layer.</summary>
    public ReadOnlySpan<double> Output(int l) => _a[l];

    /// <summary>φ′(z) of hidden layer l (unused for the output layer).</summary>
    public ReadOnlySpan<double> PhiPrime(int l) => _dphi[l];

    /// <summary>∂L/∂z entering layer l: the backpropagated signal.</summary>
    public ReadOnlySpan<double> Delta(int l) => _delta[l];

    public ReadOnlySpan<double> GradW(int l) => _gradW[l];
    public ReadOnlySpan<double> GradB(int l) => _gradB[l];

    /// <summary>The output logits s (the last layer's z).</summary>
    public ReadOnlySpan<double> Logits => _z[^1];

    /// <summary>The output probabilities p = σ(s).</summary>
    public ReadOnlySpan<double> Probabilities => _a[^1];

    /// <summary>z = a·W + b layer by layer; φ on hidden layers, σ on the output.</summary>
    public void Forward(Mlp model, ReadOnlySpan<double> x)
    {
        CheckModel(model);
        if (x.Length != BatchSize * Architecture.Inputs)
            throw new ArgumentException($"input holds {x.Length} values, expected {BatchSize} rows × {Architecture.Inputs} features");
        ReadOnlySpan<double> input = x;
        int last = LayerCount - 1;
        for (int l = 0; l < LayerCount; l++)
        {
            var layer = model.Layers[l];
            int fanIn = layer.FanIn, fanOut = layer.FanOut;
            Span<double> z = _z[l];
            for (int r = 0; r < BatchSize; r++)
            {
                var zRow = z.Slice(r * fanOut, fanOut);
                layer.Bias.CopyTo(zRow);
                var aRow = input.Slice(r * fanIn, fanIn);
                for (int k = 0; k < fanIn; k++)
                    Kernels.Axpy(aRow[k], layer.Weights.AsSpan(k * fanOut, fanOut), zRow);
            }
            if (l < last) model.Activation.Apply(z, _a[l], _dphi[l]);
            else for (int i = 0; i < z.Length; i++) _a[l][i] = SpecialFunctions.Sigmoid(z[i]);
            input = _a[l];
        }
    }

    /// <summary>Mean binary cross-entropy of the last forward pass.</summary>
    public double Loss(ReadOnlySpan<double> y) => BinaryCrossEntropy.Mean(Logits, y);

    /// <summary>Accuracy (p ≥ 0.5) of the last forward pass.</summary>
    public double Accuracy(ReadOnlySpan<double> y) => BinaryCrossEntropy.Accuracy(Probabilities, y);

    /// <summary>
    /// Backpropagation of the mean cross-entropy through the last forward pass. Needs the same
    /// <paramref name="x"/> that <see cref="Forward"/> saw.
    /// </summary>
    public void Backward(Mlp model, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckModel(model);
        if (y.Length != BatchSize) throw new ArgumentException($"{y.Length} labels for a batch of {BatchSize}");
        int last = LayerCount - 1;
        // Output: ∂L/∂s = (p − y)/m, the sigmoid and the cross-entropy cancelling.
        Span<double> deltaOut = _delta[last];
        double invM = 1.0 / BatchSize;
        for (int r = 0; r < BatchSize; r++) deltaOut[r] = (_a[last][r] - y[r]) * invM;

        for (int l = last; l >= 0; l--)
        {
            var layer = model.Layers[l];
            ReadOnlySpan<double> input = l == 0 ? x : _a[l - 1];
            AccumulateGradients(layer, input, _delta[l], _gradW[l], _gradB[l]);
            if (l > 0) PropagateDelta(layer, _weightsT[l], _delta[l], _dphi[l - 1], _delta[l - 1]);
        }
    }

    // ∂L/∂W[k, j] = Σ_r a[r, k]·δ[r, j] and ∂L/∂b[j] = Σ_r δ[r, j], summed over r in order.
    private void AccumulateGradients(Layer layer, ReadOnlySpan<double> input, ReadOnlySpan<double> delta, Span<double> gradW, Span<double> gradB)
    {
        int fanIn = layer.FanIn, fanOut = layer.FanOut;
        gradW.Clear();
        gradB.Clear();
        for (int r = 0; r < BatchSize; r++)
        {
            var dRow = delta.Slice(r * fanOut, fanOut);
            var aRow = input.Slice(r * fanIn, fanIn);
            if (fanOut == 1)
                Kernels.Axpy(dRow[0], aRow, gradW); // the same products, vectorised over k
            else
                for (int k = 0; k < fanIn; k++) Kernels.Axpy(aRow[k], dRow, gradW.Slice(k * fanOut, fanOut));
            Kernels.Add(dRow, gradB);
        }
    }

    // δ_prev[r, k] = φ′(z_prev[r, k])·Σ_j δ[r, j]·W[k, j]. Summing as axpys of Wᵀ rows over j keeps
    // every lane independent: no dependent chain of fused multiply-adds, no width-dependent order.
    private void PropagateDelta(Layer layer, double[] weightsT, ReadOnlySpan<double> delta, ReadOnlySpan<double> dphiPrev, Span<double> deltaPrev)
    {
        int fanIn = layer.FanIn, fanOut = layer.FanOut;
        for (int k = 0; k < fanIn; k++)
            for (int j = 0; j < fanOut; j++) weightsT[j * fanIn + k] = layer.Weights[k * fanOut + j];
        for (int r = 0; r < BatchSize; r++)
        {
            var acc = deltaPrev.Slice(r * fanIn, fanIn);
            acc.Clear();
            for (int j = 0; j < fanOut; j++) Kernels.Axpy(delta[r * fanOut + j], weightsT.AsSpan(j * fanIn, fanIn), acc);
            var dphi = dphiPrev.Slice(r * fanIn, fanIn);
            for (int k = 0; k < fanIn; k++) acc[k] *= dphi[k];
        }
    }

    /// <summary>One full-batch gradient-descent step with the gradients of the last backward pass.</summary>
    public void Step(Mlp model, double learningRate)
    {
        CheckModel(model);
        for (int l = 0; l < LayerCount; l++)
        {
            Kernels.Descend(learningRate, _gradW[l], model.Layers[l].Weights);
            Kernels.Descend(learningRate, _gradB[l], model.Layers[l].Bias);
        }
    }

    private void CheckModel(Mlp model)
    {
        if (!model.Architecture.Equals(Architecture))
            throw new ArgumentException($"model architecture [{model.Architecture}] does not match the pass's [{Architecture}]");
    }
}
